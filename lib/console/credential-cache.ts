import "server-only";
/**
 * Console credentials minted for a user, reused for their next calls while more than a minute of
 * their life is left: a session of console calls is one credential and one audit entry ("console
 * credential issued"), not one per call. Per process, bounded; the key holds everything the
 * credential carries, so a change of tenant, vendor binding or scopes mints a new one.
 */
const REUSE_MARGIN_MS = 60_000;
const MAX_ENTRIES = 1_000;

type Entry = { token: string; expiresAt: Date };

export class ConsoleCredentialCache {
  private readonly entries = new Map<string, Entry>();

  get(key: string, now: Date): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS) return entry;
    this.entries.delete(key);
    return null;
  }

  set(key: string, entry: Entry): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }
}
