import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "@/lib/errors";
import { explainError } from "./explain";

const key = { identity: "key" as const, keysHref: "/t/settings/developer/keys", grantHref: null, scope: "read:drivers" };

describe("explainError", () => {
  it("names the missing scope and links to the keys for a pasted key", () => {
    expect(explainError({ code: "INSUFFICIENT_SCOPE", requiredScope: "read:drivers" }, key)).toEqual({
      meaning: "This call needs read:drivers, which the key does not have.",
      action: "Edit the key to add read:drivers (or use a key that has it).",
      link: { href: "/t/settings/developer/keys", label: "Edit API keys" },
    });
  });

  it("sends a vendor to the grant, and a session user to the session's scopes", () => {
    expect(explainError({ code: "INSUFFICIENT_SCOPE", requiredScope: "read:sites" }, { ...key, grantHref: "/vendor" }).link).toEqual({
      href: "/vendor",
      label: "See granted scopes",
    });
    expect(explainError({ code: "INSUFFICIENT_SCOPE", requiredScope: "read:sites" }, { ...key, identity: "session" }).action).toMatch(
      /Add read:sites to the session/,
    );
  });

  it("has a specific explanation for every code the API sends", () => {
    const generic = explainError({ code: "SOMETHING_NEW" }, key);
    for (const code of Object.keys(ERROR_STATUS).filter((c) => c !== "INTERNAL_ERROR" && c !== "BAD_REQUEST" && c !== "FORBIDDEN")) {
      expect(explainError({ code }, key), code).not.toEqual(generic);
    }
  });
});
