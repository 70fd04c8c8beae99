import { describe, expect, it } from "vitest";
import { describeHistory } from "./history-text";

describe("describeHistory", () => {
  it("says what an approval granted and left out", () => {
    expect(describeHistory({ action: "partnership.approved", details: { approved: ["read:jobs"], notApproved: ["write:jobs"] } })).toEqual({
      title: "Approved the request",
      scopes: [
        { label: "Granted", list: ["read:jobs"] },
        { label: "Not granted", list: ["write:jobs"] },
      ],
      quote: null,
    });
  });

  it("quotes a denial's reason and a request's note", () => {
    expect(describeHistory({ action: "partnership.denied", details: { requested: ["write:jobs"], reason: "No" } }).quote).toBe("No");
    expect(describeHistory({ action: "partnership.requested", details: { requested: ["read:jobs"], note: "sync" } }).quote).toBe("sync");
  });
});
