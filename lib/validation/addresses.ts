import { BlockList, isIP } from "node:net";

/** `::ffff:1.2.3.4` → `1.2.3.4`; `1.2.3.4:5678` and `[2001:db8::1]:443` → the address; else null. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

/** `10.0.0.0/8, 127.0.0.1, fd00::/8` → a BlockList; an entry that is not an address or CIDR throws. */
export function parseAddressList(list: string): BlockList {
  const blocks = new BlockList();
  for (const entry of list
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const normalized = normalizeAddress(address);
    const family = normalized && isIP(normalized) === 6 ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? null : Number(prefix);
    if (!normalized || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (family === "ipv6" ? 128 : 32)))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    if (bits === null) blocks.addAddress(normalized, family);
    else blocks.addSubnet(normalized, bits, family);
  }
  return blocks;
}
