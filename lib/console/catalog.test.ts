import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "@/lib/openapi/document";
import { consoleCatalog } from "./catalog";

const catalog = consoleCatalog(openApiDocument(), "2026-03-15");
const endpoints = catalog.flatMap((g) => g.endpoints);

describe("consoleCatalog", () => {
  it("offers every operation of the document, grouped by tag, with its required scope", () => {
    const document = openApiDocument();
    const count = Object.values(document.paths ?? {}).reduce(
      (n, item) => n + ["get", "post", "put", "patch", "delete"].filter((m) => m in (item ?? {})).length,
      0,
    );
    expect(endpoints).toHaveLength(count);
    expect(catalog.map((g) => g.name)).toContain("Jobs");
    const listJobs = endpoints.find((e) => e.id === "listJobs");
    expect(listJobs).toMatchObject({ method: "GET", path: "/api/v1/jobs", scope: "read:jobs", group: "Jobs", body: null });
    expect(listJobs?.params.map((p) => p.name)).toEqual(expect.arrayContaining(["date", "limit", "cursor"]));
    expect(endpoints.find((e) => e.id === "createJob")?.scope).toBe("write:jobs");
  });

  it("leaves the headers the console sets itself out of the fields", () => {
    expect(endpoints.flatMap((e) => e.params.map((p) => p.name))).not.toContain("Klau-Tenant-Id");
    expect(endpoints.find((e) => e.path.endsWith("{id}") && e.method === "GET")?.params).toContainEqual(
      expect.objectContaining({ name: "id", in: "path", required: true }),
    );
  });

  it("pre-fills every body with an example its own schema accepts", () => {
    const withBody = endpoints.filter((e) => e.body);
    expect(withBody.length).toBeGreaterThan(10);
    for (const endpoint of withBody) {
      const schema = z.fromJSONSchema(endpoint.body?.schema as Parameters<typeof z.fromJSONSchema>[0]);
      const result = schema.safeParse(endpoint.body?.example);
      expect(result.success, `${endpoint.id}: ${JSON.stringify(endpoint.body?.example)} ${result.error?.message}`).toBe(true);
      expect(endpoint.body?.example, endpoint.id).not.toEqual({});
    }
    expect(endpoints.find((e) => e.id === "createJob")?.body?.example).toMatchObject({ serviceDate: "2026-03-15" });
  });
});
