/** Field limits of a key, shared by the zod schemas and the form inputs (no zod here: client-safe). */
export const KEY_NAME_MAX = 64;
export const KEY_DESCRIPTION_MAX = 500;
