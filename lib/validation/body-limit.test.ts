import { describe, expect, it } from "vitest";
import { byteLabel, MAX_BODY_BYTES } from "./body-limit";

describe("byteLabel", () => {
  it.each([
    [MAX_BODY_BYTES, "1 MB"],
    [64 * 1024, "64 KB"],
    [1500, "1500 bytes"],
  ])("%i → %s", (bytes, label) => {
    expect(byteLabel(bytes)).toBe(label);
  });
});
