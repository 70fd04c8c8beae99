import { describe, expect, it } from "vitest";
import type { AccessibleTenant } from "@/lib/tenancy/access";
import { homePathFor } from "./home";

const parent: AccessibleTenant = { id: "p1", name: "Acme", parentId: null, role: "CORPORATE" };
const division: AccessibleTenant = { id: "d1", name: "North", parentId: "p1", role: "CORPORATE" };

describe("homePathFor", () => {
  it("sends operators to the operator area", () => {
    expect(homePathFor({ isOperator: true, vendor: null }, [parent])).toBe("/operator");
  });
  it("sends vendor users to the vendor area", () => {
    expect(homePathFor({ isOperator: false, vendor: { id: "v", name: "V" } }, [])).toBe("/vendor");
  });
  it("sends company users to the developer settings of their first tenant", () => {
    expect(homePathFor({ isOperator: false, vendor: null }, [parent, division])).toBe("/p1/settings/developer");
  });
  it("has no home for an account without any area", () => {
    expect(homePathFor({ isOperator: false, vendor: null }, [])).toBeNull();
  });
});
