import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { HaulingResource } from "@/lib/hauling/catalog";
import { deletedSchema } from "@/lib/hauling/shared/fields";
import { idParams } from "@/lib/hauling/shared/ids";
import { createdHeaders, dataEnvelope, errorResponses, listEnvelope } from "./components";
import { operation } from "./operation";

function pascal(text: string): string {
  return text
    .split(/[\s-]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** GET/POST on the collection and GET/PATCH/DELETE on `{id}` for one hauling resource. */
export function crudPaths(r: HaulingResource): ZodOpenApiPathsObject {
  const one = pascal(r.label);
  const many = pascal(r.resource);
  const lower = r.label.toLowerCase();
  const common = { resource: r.resource, tag: r.tag };
  const item = dataEnvelope(r.item);
  const notFound = { 404: errorResponses.notFound };
  return {
    [`/api/v1/${r.resource}`]: {
      get: operation({
        ...common,
        method: "get",
        operationId: `list${many}`,
        summary: `List ${r.tag.toLowerCase()}`,
        description: "Cursor-paginated, oldest first. Pass `pagination.nextCursor` back as `cursor` for the next page.",
        query: r.list,
        success: { status: 200, description: `A page of ${r.tag.toLowerCase()}`, schema: listEnvelope(r.item) },
      }),
      post: operation({
        ...common,
        method: "post",
        operationId: `create${one}`,
        summary: `Create a ${lower}`,
        description:
          "Unknown fields are rejected (400 VALIDATION_ERROR), so ids and tenant fields cannot be set from the body. " +
          "Ids of related rows must belong to the same company.",
        body: r.create,
        success: { status: 201, description: `The created ${lower}`, schema: item, headers: createdHeaders },
      }),
    },
    [`/api/v1/${r.resource}/{id}`]: {
      get: operation({
        ...common,
        method: "get",
        operationId: `get${one}`,
        summary: `Get a ${lower}`,
        path: idParams,
        success: { status: 200, description: `The ${lower}`, schema: item },
        errors: notFound,
      }),
      patch: operation({
        ...common,
        method: "patch",
        operationId: `update${one}`,
        summary: `Update a ${lower}`,
        description: "Send only the fields to change; `null` clears an optional field.",
        path: idParams,
        body: r.update,
        success: { status: 200, description: `The updated ${lower}`, schema: item },
        errors: notFound,
      }),
      delete: operation({
        ...common,
        method: "delete",
        operationId: `delete${one}`,
        summary: `Delete a ${lower}`,
        description: "Answers 200 with the deleted id (so an idempotent replay has a body to return).",
        path: idParams,
        success: { status: 200, description: `The ${lower} was deleted`, schema: dataEnvelope(deletedSchema) },
        errors: notFound,
      }),
    },
  };
}
