import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit-trail/list";
import { CLI_ACTOR } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { createKey, getKey, listKeys, revokeKey, rollKey } from "@/lib/keys/service";
import { createUser } from "@/lib/users/service";
import { createCompany } from "./companies";
import { listPartnerships, updatePartnership } from "./partnerships";
import { type CompanyScope, companyInScope, companyScope, type OperatorScope, operatorScope } from "./scope";

describe("companyScope", () => {
  it("includes divisions only for a corporate user on a top-level company", () => {
    expect(companyScope({ id: "acme", parentId: null, role: "CORPORATE" }).includeDivisions).toBe(true);
    expect(companyScope({ id: "north", parentId: "acme", role: "CORPORATE" }).includeDivisions).toBe(false);
    expect(companyScope({ id: "acme", parentId: null, role: "ADMIN" }).includeDivisions).toBe(false);
  });

  it("admits the company, and its divisions only when asked", () => {
    const all = companyScope({ id: "acme", parentId: null, role: "CORPORATE" });
    const own = companyScope({ id: "acme", parentId: null, role: "ADMIN" });
    const division = { id: "north", parentId: "acme" };
    expect(companyInScope(all, division)).toBe(true);
    expect(companyInScope(own, division)).toBe(false);
    expect(companyInScope(own, { id: "acme", parentId: null })).toBe(true);
    expect(companyInScope(all, { id: "other", parentId: "elsewhere" })).toBe(false);
  });
});

describe("a control-plane call without a scope", () => {
  // Checked by `tsc --noEmit` (a step of `npm test`): each line below must fail to compile, or the
  // unused @ts-expect-error is itself an error. The function is never run.
  function callsThatMustNotCompile(db: Db, company: CompanyScope) {
    // @ts-expect-error the scope is required: (db, scope, actor, input)
    void createKey(db, CLI_ACTOR, { owner: { kind: "company", companyId: "acme" }, name: "k", scopes: ["read:jobs"] });
    // @ts-expect-error the scope is required: (db, scope, actor, id)
    void revokeKey(db, CLI_ACTOR, "key-id");
    // @ts-expect-error the scope is required: (db, scope, actor, id, input)
    void rollKey(db, CLI_ACTOR, "key-id", {});
    // @ts-expect-error the scope is required: (db, scope, id)
    void getKey(db, "key-id");
    // @ts-expect-error a key owner is not a scope
    void listKeys(db, { kind: "company", companyId: "acme" });
    // @ts-expect-error the scope is required: (db, scope, filter)
    void listPartnerships(db, { companyId: "acme" });
    // @ts-expect-error changing a partnership directly is the operator's override, not a company's
    void updatePartnership(db, company, CLI_ACTOR, "p", { status: "active" });
    // @ts-expect-error the scope is required: an unfiltered audit list is not "every tenant" by default
    void listAuditEvents(db, { limit: 50 });
    // @ts-expect-error only the operator creates companies
    void createCompany(db, company, CLI_ACTOR, { name: "Acme" });
    // @ts-expect-error only the operator creates users
    void createUser(db, company, CLI_ACTOR, { email: "a@b.test", password: "secret-123", name: "A", account: { kind: "operator" } });
    // @ts-expect-error an operator scope cannot be written by hand, only made by operatorScope()
    const forged: OperatorScope = { kind: "operator" };
    return forged;
  }

  it("does not compile (see tsc); operatorScope() is the one way to the operator's", () => {
    expect(typeof callsThatMustNotCompile).toBe("function");
    expect(operatorScope()).toEqual({ kind: "operator" });
  });
});
