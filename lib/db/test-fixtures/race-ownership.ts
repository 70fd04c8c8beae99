// Test helper process: tries to take ownership of the directory in argv[2], reports the outcome, and
// keeps a won lock for a moment so the racing processes see a live owner.
import { acquireOwnership, DatabaseOwnedError } from "../ownership";

const dir = process.argv[2] ?? "";
try {
  acquireOwnership(dir);
  console.log("won");
  setTimeout(() => process.exit(0), 3_000);
} catch (error) {
  console.log(error instanceof DatabaseOwnedError ? "refused" : `error: ${String(error)}`);
}
