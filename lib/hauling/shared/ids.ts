import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can never name a row, so it is "not found" without a database round trip. */
export function looksLikeId(value: string): boolean {
  return UUID.test(value);
}

/** Ids in bodies and filters (references to other rows of the same tenant). */
export const idRef = z.guid().meta({ description: "Id of a row of the same tenant", example: "3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa" });

/** Ids in list filters: no example, since Swagger UI pre-fills examples into "Try it out". */
export const idFilter = z.guid();

/** Path parameters: any string, so a malformed id is a 404 like an unknown one, never a 400/500. */
export const idParams = z.object({
  id: z.string().meta({ description: "Resource id (UUID)", example: "3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa" }),
});
