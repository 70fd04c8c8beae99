import { describe, expect, it } from "vitest";
import { suggest } from "./suggest";

describe("suggest (granted vs used)", () => {
  it.each([
    [["read:jobs", "read:drivers", "write:jobs"], ["read:jobs"], ["read:jobs"], "Uses 1 of 3 granted scopes"],
    [["read:jobs", "write:jobs"], ["write:jobs", "read:jobs"], null, "Uses 2 of 2 granted scopes"],
    [["read:all"], ["read:jobs", "read:trucks"], ["read:jobs", "read:trucks"], "Granted read:all; uses 2 scopes"],
    [["read:*", "write:jobs"], ["write:jobs"], ["write:jobs"], "Granted read:*; uses 1 scope"],
    // No use at all: nothing to base a reduction on (the stale flag covers idle keys).
    [["read:jobs", "write:jobs"], [], null, "Uses 0 of 2 granted scopes"],
    // A scope used before it was taken away is not suggested back.
    [["read:jobs", "read:drivers"], ["read:jobs", "write:jobs"], ["read:jobs"], "Uses 1 of 2 granted scopes"],
  ])("granted %j, used %j → %j (%s)", (granted, used, suggested, summary) => {
    const result = suggest(granted, used);
    expect(result.suggested).toEqual(suggested);
    expect(result.summary).toBe(summary);
  });

  it("lists the granted entries nothing needed", () => {
    expect(suggest(["read:jobs", "read:drivers", "write:jobs"], ["read:jobs"]).unused).toEqual(["read:drivers", "write:jobs"]);
    expect(suggest(["read:all", "write:all"], ["read:jobs"]).unused).toEqual(["write:all"]);
  });
});
