/** A key as lists show it: its public prefix and last four characters, never the secret. */
export function maskedKey(key: { prefix: string; last4: string }): string {
  return `${key.prefix}…${key.last4}`;
}

export function MaskedKey({ keyRef }: { keyRef: { prefix: string; last4: string } }) {
  return <code className="font-mono text-xs whitespace-nowrap text-zinc-700">{maskedKey(keyRef)}</code>;
}
