import { describe, expect, it } from "vitest";
import { approvalDiff, grantDiff } from "./grant-diff";

describe("approvalDiff", () => {
  it("keeps the current grant and marks each requested scope added or not granted", () => {
    expect(approvalDiff(["read:jobs", "read:drivers"], ["write:jobs", "read:trucks", "read:jobs"], ["write:jobs"])).toEqual([
      { scope: "read:jobs", change: "unchanged" },
      { scope: "read:drivers", change: "unchanged" },
      { scope: "write:jobs", change: "added" },
      { scope: "read:trucks", change: "not-granted" },
    ]);
  });
});

describe("grantDiff", () => {
  it("shows removed, unchanged and added scopes", () => {
    expect(grantDiff(["read:jobs", "write:jobs"], ["read:jobs", "read:drivers"])).toEqual([
      { scope: "read:jobs", change: "unchanged" },
      { scope: "write:jobs", change: "removed" },
      { scope: "read:drivers", change: "added" },
    ]);
  });
});
