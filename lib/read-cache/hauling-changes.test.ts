import { describe, expect, it } from "vitest";
import { HAULING_RESOURCES } from "@/lib/hauling/catalog";
import { RESOURCES } from "@/lib/scopes/catalog";
import { isCachedResource } from "./hauling-changes";

describe("isCachedResource", () => {
  it("is true for exactly the hauling resources (the tables whose trigger keeps the cache true)", () => {
    const cached = RESOURCES.filter((resource) => isCachedResource(resource));
    expect([...cached].sort()).toEqual(HAULING_RESOURCES.map((h) => h.resource).sort());
    expect(isCachedResource(null)).toBe(false);
  });
});
