import "server-only";
import { type FieldIssue, issuePath } from "@/lib/validation/issues";

const NUL = "\u0000";

function problemOf(text: string): string | null {
  if (text.includes(NUL)) return "Must not contain NUL (\\u0000) characters";
  // A lone UTF-16 surrogate (e.g. JSON "\ud800") has no UTF-8 form: it cannot be stored faithfully.
  if (!text.isWellFormed()) return "Must be valid Unicode text (no unpaired surrogates)";
  return null;
}

type Node = { value: unknown; key: PropertyKey | null; parent: Node | null };

function pathOf(node: Node): string {
  const parts: PropertyKey[] = [];
  for (let n: Node | null = node; n !== null; n = n.parent) if (n.key !== null) parts.push(n.key);
  return issuePath(parts.reverse().map((p) => (typeof p === "string" ? p.replaceAll(NUL, "\\u0000") : p)));
}

/**
 * Strings (values and keys) in parsed input that no database column can hold: PostgreSQL refuses
 * NUL in text and stores a lone surrogate as U+FFFD. Walks iteratively, paths as parent links
 * (input may be thousands of levels deep), and stops after `limit` findings.
 */
export function textIssues(value: unknown, limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && issues.length < limit) {
    const node = stack.pop();
    if (!node) break;
    if (typeof node.value === "string") {
      const problem = problemOf(node.value);
      if (problem) issues.push({ path: pathOf(node), message: problem });
    } else if (Array.isArray(node.value)) {
      node.value.forEach((child, i) => {
        stack.push({ value: child, key: i, parent: node });
      });
    } else if (typeof node.value === "object" && node.value !== null) {
      for (const [key, child] of Object.entries(node.value)) {
        const entry = { value: child, key, parent: node };
        const problem = problemOf(key);
        if (problem) issues.push({ path: pathOf(entry), message: `Field name: ${problem}` });
        stack.push(entry);
      }
    }
  }
  return issues;
}
