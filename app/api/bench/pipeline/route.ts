import { defineRoute, type NextRouteContext } from "@/lib/api/define-route";
import { paginated } from "@/lib/api/pagination";
import { NotFoundError } from "@/lib/errors";
import { listJobsQuery } from "@/lib/hauling/jobs/schemas";
import { benchEnabled, notFound, payloadBytes } from "../payload";

/**
 * Benchmark target only (`npm run bench`): the real API pipeline of `GET /api/v1/jobs` —
 * authentication, tenant resolution, rate limit, scope `read:jobs`, query validation, envelope,
 * request log — with a handler that returns the recorded jobs page instead of querying the
 * database. Against the bare route it isolates the gateway's own overhead. 404 without KLAU_BENCH=1,
 * before any pipeline step runs.
 */
export const dynamic = "force-dynamic";

type Page = { data: unknown[]; pagination: { nextCursor: string | null } };

let page: Promise<Page> | undefined;

/** The payload parsed once (a failed read is retried on the next request, like the bare route). */
function recordedPage(): Promise<Page> {
  page ??= payloadBytes().then(
    (bytes) => JSON.parse(Buffer.from(bytes).toString("utf8")) as Page,
    (error: unknown) => {
      page = undefined;
      throw error;
    },
  );
  return page;
}

const pipeline = defineRoute({ resource: "jobs", query: listJobsQuery }, async () => {
  const recorded = await recordedPage().catch(() => {
    throw new NotFoundError("Bench payload");
  });
  return paginated(recorded.data, recorded.pagination.nextCursor);
});

export async function GET(request: Request, context: NextRouteContext): Promise<Response> {
  return benchEnabled() ? pipeline(request, context) : notFound();
}
