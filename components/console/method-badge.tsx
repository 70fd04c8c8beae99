import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  GET: "bg-sky-50 text-sky-800 ring-sky-600/30",
  POST: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  PATCH: "bg-amber-50 text-amber-900 ring-amber-600/30",
  PUT: "bg-amber-50 text-amber-900 ring-amber-600/30",
  DELETE: "bg-red-50 text-red-800 ring-red-600/30",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-flex w-14 shrink-0 justify-center rounded px-1 py-0.5 font-mono text-[11px] font-semibold ring-1 ring-inset",
        TONES[method] ?? TONES.GET,
      )}
    >
      {method}
    </span>
  );
}
