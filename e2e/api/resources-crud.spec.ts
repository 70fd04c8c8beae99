import { expect, test } from "@playwright/test";
import { auth, newCompany, newKey } from "./pipeline-fixtures";
import { ALL_RESOURCES, createVia, json, patchFor } from "./resources-fixtures";

/** A CRUD round trip for every hauling resource through real HTTP, with a direct key. */
let key: string;

test.beforeAll(async () => {
  const company = await newCompany("CRUD Hauling");
  key = (await newKey({ company }, ["read:all", "write:all"])).key;
});

for (const path of ALL_RESOURCES) {
  test(`${path}: create → read → list → update → delete`, async ({ request }) => {
    // Create: 201, the row in the envelope, Location pointing at it.
    const created = await createVia(request, key, path);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).not.toHaveProperty("companyId");
    expect(Date.parse(String(created.createdAt))).not.toBeNaN();

    // Location is the canonical URL of the row.
    const byLocation = await request.get(`/api/v1/${path}/${created.id}`, { headers: auth(key) });
    expect(byLocation.status()).toBe(200);
    expect((await byLocation.json()).data).toEqual(created);

    const list = await request.get(`/api/v1/${path}?limit=100`, { headers: auth(key) });
    expect(list.status()).toBe(200);
    const page = await list.json();
    expect(page.data.map((r: { id: string }) => r.id)).toContain(created.id);
    expect(page.pagination).toHaveProperty("nextCursor");

    const patch = patchFor(path);
    const updated = await request.patch(`/api/v1/${path}/${created.id}`, { headers: json(key), data: JSON.stringify(patch) });
    expect(updated.status(), await updated.text()).toBe(200);
    expect((await updated.json()).data).toMatchObject({ id: created.id, ...patch });

    const removed = await request.delete(`/api/v1/${path}/${created.id}`, { headers: auth(key) });
    expect(removed.status()).toBe(200);
    expect(await removed.json()).toEqual({ data: { id: created.id, deleted: true } });

    const gone = await request.get(`/api/v1/${path}/${created.id}`, { headers: auth(key) });
    expect(gone.status()).toBe(404);
    expect((await gone.json()).error.code).toBe("NOT_FOUND");
  });
}

test("POST answers 201 with a Location header that resolves to the row", async ({ request }) => {
  const response = await request.post("/api/v1/customers", { headers: json(key), data: JSON.stringify({ name: "Located" }) });
  expect(response.status()).toBe(201);
  const { data } = await response.json();
  expect(response.headers().location).toBe(`/api/v1/customers/${data.id}`);
  const followed = await request.get(response.headers().location ?? "", { headers: auth(key) });
  expect((await followed.json()).data.name).toBe("Located");
});

test("cursor pagination walks every row once", async ({ request }) => {
  const company = await newCompany("Paging Hauling");
  const pagingKey = (await newKey({ company }, ["read:all", "write:all"])).key;
  const made: string[] = [];
  for (let i = 0; i < 7; i++) made.push((await createVia(request, pagingKey, "yards", { name: `Yard ${i}`, address: `${i} Depot Ave` })).id);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : "limit=3";
    const response = await request.get(`/api/v1/yards?${query}`, { headers: auth(pagingKey) });
    expect(response.status()).toBe(200);
    const body = await response.json();
    seen.push(...body.data.map((r: { id: string }) => r.id));
    cursor = body.pagination.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  expect(pages).toBe(3);
  expect(seen).toHaveLength(7);
  expect(new Set(seen)).toEqual(new Set(made));

  for (const bad of ["limit=0", "limit=101", "limit=abc", "cursor=not-a-cursor"]) {
    const response = await request.get(`/api/v1/yards?${bad}`, { headers: auth(pagingKey) });
    expect(response.status(), bad).toBe(400);
    expect((await response.json()).error.code).toBe("VALIDATION_ERROR");
  }
});
