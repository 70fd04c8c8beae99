import { describe, expect, it } from "vitest";
import type { Resource } from "@/lib/scopes/catalog";
import { ApiError } from "../errors";
import { authorize } from "./authorize";

describe("authorize", () => {
  it.each([
    ["GET", "jobs", ["read:jobs"], null, "read:jobs"],
    ["HEAD", "jobs", ["read:*"], null, "read:jobs"],
    ["POST", "jobs", ["write:all"], null, "write:jobs"],
    ["DELETE", "trucks", ["write:trucks"], null, "write:trucks"],
    ["GET", "jobs", ["read:all"], ["read:jobs"], "read:jobs"],
    ["POST", "dispatches", ["write:*"], ["write:dispatches"], "write:dispatches"],
  ] as const)("%s %s with %j ∩ %j → allowed (%s)", (method, resource, scopes, granted, scope) => {
    expect(authorize(method, resource as Resource, scopes, granted)).toBe(scope);
  });

  it.each([
    ["GET", "jobs", ["write:all"], null, "read:jobs", /lacks the scope read:jobs/],
    ["POST", "jobs", ["read:all"], null, "write:jobs", /lacks the scope write:jobs/],
    ["GET", "drivers", ["read:jobs"], null, "read:drivers", /lacks/],
    ["GET", "drivers", ["read:all"], ["read:jobs"], "read:drivers", /has not granted the scope read:drivers/],
    ["GET", "jobs", ["read:drivers"], ["read:all"], "read:jobs", /lacks/],
  ] as const)("%s %s with %j ∩ %j → 403 naming %s", (method, resource, scopes, granted, scope, message) => {
    let caught: unknown;
    try {
      authorize(method, resource as Resource, scopes, granted);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as ApiError;
    expect([error.status, error.code, error.details.requiredScope]).toEqual([403, "INSUFFICIENT_SCOPE", scope]);
    expect(error.message).toMatch(message);
  });
});
