import { FULL_ACCESS, READ_ONLY, RESOURCE_CATALOG, RESOURCES, type Resource, type Scope } from "./catalog";

/**
 * The scope picker's model: per resource one of four levels, converted to and from the scope
 * strings a key carries. Pure functions, no React. "write" (write without read) cannot be chosen
 * in the picker but keys made with the CLI can carry it, so it is modelled and shown faithfully.
 */
export type ResourceAccess = "none" | "read" | "write" | "read-write";
export type AccessMap = Record<Resource, ResourceAccess>;
export type ScopePreset = "full" | "read-only" | "custom";

const LEVEL: Record<ResourceAccess, { read: boolean; write: boolean }> = {
  none: { read: false, write: false },
  read: { read: true, write: false },
  write: { read: false, write: true },
  "read-write": { read: true, write: true },
};

function accessOf(read: boolean, write: boolean): ResourceAccess {
  if (read && write) return "read-write";
  if (read) return "read";
  return write ? "write" : "none";
}

export function uniformAccessMap(access: ResourceAccess): AccessMap {
  return Object.fromEntries(RESOURCES.map((r) => [r, access])) as AccessMap;
}

/** What each resource gets from `scopes`; wildcards (`read:all`, `write:*`…) reach every resource. Unknown strings are ignored. */
export function scopesToAccessMap(scopes: readonly string[]): AccessMap {
  const set = new Set(scopes);
  const readAll = set.has("read:all") || set.has("read:*");
  const writeAll = set.has("write:all") || set.has("write:*");
  return Object.fromEntries(RESOURCES.map((r) => [r, accessOf(readAll || set.has(`read:${r}`), writeAll || set.has(`write:${r}`))])) as AccessMap;
}

/**
 * The scopes a key with this access carries, in catalog order, reads before writes. Access given
 * to every resource is written as the wildcard (`read:all`, `write:all`), so the presets come out
 * exactly as `read:all` and `read:all,write:all`.
 */
export function accessMapToScopes(map: AccessMap): Scope[] {
  const levels = RESOURCES.map((r) => LEVEL[map[r]]);
  const readAll = levels.every((l) => l.read);
  const writeAll = levels.every((l) => l.write);
  const scopes: Scope[] = [];
  if (readAll) scopes.push("read:all");
  if (writeAll) scopes.push("write:all");
  for (const r of RESOURCES) {
    if (!readAll && LEVEL[map[r]].read) scopes.push(`read:${r}`);
    if (!writeAll && LEVEL[map[r]].write) scopes.push(`write:${r}`);
  }
  return scopes;
}

/** The same access written the one way the picker writes it (e.g. `read:*` → `read:all`). */
export function canonicalScopes(scopes: readonly string[]): Scope[] {
  return accessMapToScopes(scopesToAccessMap(scopes));
}

export function presetScopes(preset: Exclude<ScopePreset, "custom">): Scope[] {
  return [...(preset === "full" ? FULL_ACCESS : READ_ONLY)];
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Which preset a scope set amounts to, else "custom". */
export function presetOf(scopes: readonly string[]): ScopePreset {
  const canonical = canonicalScopes(scopes);
  if (sameScopes(canonical, FULL_ACCESS)) return "full";
  if (sameScopes(canonical, READ_ONLY)) return "read-only";
  return "custom";
}

/** A short label for lists: "Full access", "Read only", "1 scope", "6 scopes". */
export function scopesLabel(scopes: readonly string[]): string {
  const preset = presetOf(scopes);
  if (preset === "full") return "Full access";
  if (preset === "read-only") return "Read only";
  return `${scopes.length} scope${scopes.length === 1 ? "" : "s"}`;
}

const NAMES_SHOWN = 6;

function phrase(verb: string, resources: readonly Resource[], suffix = ""): string[] {
  return resources.length ? [`${verb} ${listNames(resources)}${suffix}`] : [];
}

function listNames(resources: readonly Resource[]): string {
  const names = resources.map((r) => RESOURCE_CATALOG[r].label);
  const shown = names.length > NAMES_SHOWN ? [...names.slice(0, NAMES_SHOWN - 1), `${names.length - NAMES_SHOWN + 1} more`] : names;
  return shown.length === 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/**
 * What the access means, in plain language: "Can read and change jobs; can read drivers and trucks".
 * Access to every resource is said as "everything" (it also covers resources added later).
 */
export function describeAccess(map: AccessMap): string {
  const scopes = accessMapToScopes(map);
  const readAll = scopes.includes("read:all");
  const writeAll = scopes.includes("write:all");
  if (readAll && writeAll) return "Can read and change everything.";
  const readers = RESOURCES.filter((r) => LEVEL[map[r]].read);
  const writers = RESOURCES.filter((r) => LEVEL[map[r]].write);
  const parts: string[] = [];
  if (readAll) parts.push("can read everything", ...phrase("can change", writers));
  else if (writeAll) parts.push("can change everything", ...phrase("can read", readers));
  else {
    parts.push(
      ...phrase(
        "can read and change",
        readers.filter((r) => writers.includes(r)),
      ),
    );
    parts.push(
      ...phrase(
        "can read",
        readers.filter((r) => !writers.includes(r)),
      ),
    );
    parts.push(
      ...phrase(
        "can change",
        writers.filter((r) => !readers.includes(r)),
        " without reading them",
      ),
    );
  }
  if (parts.length === 0) return "Has no access: choose at least one resource.";
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
