import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAULING_RESOURCES } from "@/lib/hauling/catalog";
import { isResource, RESOURCE_CATALOG, RESOURCE_GROUPS, RESOURCES, resourcesByGroup } from "./catalog";

const SPEC_RESOURCES =
  "jobs, drivers, trucks, dispatches, customers, sites, yards, dump-sites, companies, communications, import, integrations, search, usage, coaching, settings, billing, webhooks, materials, reports, regions, intelligence, storefronts, dump-tickets, crm, orders, automations, export, jurisdictions";

describe("the scope catalog", () => {
  it("has the spec's 29 resources in the spec's order", () => {
    expect(RESOURCES.join(", ")).toBe(SPEC_RESOURCES);
  });

  it("gives every resource a label, a known group and a one-line description", () => {
    for (const resource of RESOURCES) {
      const info = RESOURCE_CATALOG[resource];
      expect(info.label.length, resource).toBeGreaterThan(1);
      expect(Object.keys(RESOURCE_GROUPS), resource).toContain(info.group);
      expect(info.description, resource).toMatch(/^[A-Z].{8,80}\.$/);
      expect(info.description, resource).not.toContain("\n");
    }
  });

  it("marks as served exactly the resources that have a route under app/api/v1", () => {
    const routed = readdirSync(join(process.cwd(), "app/api/v1"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && isResource(entry.name))
      .map((entry) => entry.name);
    const served = RESOURCES.filter((r) => RESOURCE_CATALOG[r].served);
    expect([...served].sort()).toEqual([...routed].sort());
    // Every hauling CRUD resource is among them.
    for (const { resource } of HAULING_RESOURCES) expect(served).toContain(resource);
  });

  it("groups every resource exactly once", () => {
    const grouped = resourcesByGroup().flatMap((g) => g.resources);
    expect([...grouped].sort()).toEqual([...RESOURCES].sort());
    for (const group of resourcesByGroup()) expect(group.resources.length, group.group).toBeGreaterThan(0);
  });

  it("does not take inherited object keys for resources", () => {
    expect(isResource("toString")).toBe(false);
    expect(isResource("constructor")).toBe(false);
  });
});
