import "server-only";
// Moved to lib/errors.ts (one table for the API, the CLI and server actions); kept while other
// branches still import this path. Import from "@/lib/errors".
export { ERROR_CODES, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
