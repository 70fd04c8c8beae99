import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every server action in the tree is made by the one wrapper: a `"use server"` file exports only
 * `const x = authorizedAction(…)` (or `publicAction(…)`, for signing in and out) imported from
 * lib/actions/authorized-action.ts, plus types; and no function declares `"use server"` inline.
 */
const WRAPPERS = new Set(["authorizedAction", "publicAction"]);
const WRAPPER_MODULE = "@/lib/actions/authorized-action";
const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "lib"];
const SKIPPED = new Set(["node_modules", "generated"]);

function isUseServer(statement: ts.Node): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === "use server";
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The wrapper names this file imports from the wrapper module. */
function importedWrappers(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== WRAPPER_MODULE) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (WRAPPERS.has(imported) && !element.isTypeOnly) names.add(element.name.text);
    }
  }
  return names;
}

function describeExport(statement: ts.Statement, wrappers: Set<string>): string | null {
  if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) return null;
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly ? null : "re-exports names";
  if (ts.isExportAssignment(statement)) return "has a default export";
  if (ts.isVariableStatement(statement)) {
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) return "exports a non-const binding";
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText();
      const init = declaration.initializer;
      const callee = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : null;
      if (!callee || !wrappers.has(callee)) return `exports "${name}" not made by authorizedAction/publicAction`;
    }
    return null;
  }
  const name = (statement as { name?: ts.Identifier }).name?.text ?? "an export";
  return `exports "${name}" not made by authorizedAction/publicAction`;
}

/** Every violation of the rule in one file, as readable lines. */
function serverActionViolations(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const violations: string[] = [];
  const first = source.statements[0];
  if (first && isUseServer(first)) {
    const wrappers = importedWrappers(source);
    for (const statement of source.statements) {
      if (!hasExportModifier(statement) && !ts.isExportDeclaration(statement) && !ts.isExportAssignment(statement)) continue;
      const problem = describeExport(statement, wrappers);
      if (problem) violations.push(`${fileName}: ${problem}`);
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) && node.statements.some(isUseServer)) {
      violations.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: inline "use server" function`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("server actions", () => {
  it("are all made by authorizedAction or publicAction", () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    const withActions = files.filter((file) => /["']use server["']/.test(readFileSync(file, "utf8")));
    // The rule must be looking at real files: sign-in and sign-out are server actions.
    expect(withActions.length).toBeGreaterThanOrEqual(2);
    const violations = withActions.flatMap((file) => serverActionViolations(path.relative(ROOT, file), readFileSync(file, "utf8")));
    expect(violations).toEqual([]);
  });

  it("accepts wrapped exports and types", () => {
    const ok = `"use server";
import { z } from "zod";
import { authorizedAction, publicAction } from "@/lib/actions/authorized-action";
export type State = { ok: boolean };
export const revokeKeyAction = authorizedAction({ on: "tenant", permission: "keys:manage", input: z.object({ tenantId: z.string() }) }, async () => 1);
export const signOutAction = publicAction({ input: z.object({}) }, async () => undefined);
`;
    expect(serverActionViolations("ok.ts", ok)).toEqual([]);
  });

  it.each([
    ["a plain async function", `export async function deleteEverything() {}`, /"deleteEverything" not made by/],
    ["a const arrow", `export const deleteEverything = async () => {};`, /"deleteEverything" not made by/],
    ["another wrapper's call", `import { other } from "x";\nexport const a = other({}, async () => 1);`, /"a" not made by/],
    [
      "a wrapper of the same name from elsewhere",
      `import { authorizedAction } from "./fake";\nexport const a = authorizedAction({}, async () => 1);`,
      /"a" not made by/,
    ],
    ["a re-export", `export { deleteEverything } from "./elsewhere";`, /re-exports/],
    ["a default export", `export default async function x() {}`, /not made by|default export/],
  ])('refuses %s in a "use server" file', (_name, body, message) => {
    const violations = serverActionViolations("planted.ts", `"use server";\n${body}\n`);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(message);
  });

  it("refuses an inline server action in a component", () => {
    const component = `export function Page() {
  async function save() {
    "use server";
  }
  return save;
}
`;
    expect(serverActionViolations("page.tsx", component)).toEqual(['page.tsx:2: inline "use server" function']);
  });
});
