import { describe, expect, it } from "vitest";
import { switchTenantHref } from "./switch-href";

describe("switchTenantHref", () => {
  it.each([
    ["/north/settings/developer", "/south/settings/developer"],
    ["/north/settings/developer/keys", "/south/settings/developer/keys"],
    ["/north/settings/developer/audit", "/south/settings/developer/audit"],
    ["/north/settings/developer/keys/key-123", "/south/settings/developer/keys"],
    ["/north", "/south/settings/developer"],
    ["/north/settings", "/south/settings/developer"],
    ["/north/something-else", "/south/settings/developer"],
  ])("%s → %s", (from, to) => {
    expect(switchTenantHref(from, "south")).toBe(to);
  });
});
