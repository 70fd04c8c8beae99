// Next.js calls register() once when a server process starts. The embedded database is prepared here,
// before any request; never during `next build` (NEXT_PHASE), and only in the Node.js runtime.
// Under the production server (scripts/server.mjs) the same startup already ran from the API bundle:
// startServerOnce shares it (server/startup.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerOnce } = await import("./server/startup");
  await startServerOnce();
}
