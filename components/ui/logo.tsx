/** The Klau wordmark with its mark; `label` names the area (e.g. "Developers"). */
export function Logo({ label }: { label?: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-zinc-900 text-sm font-bold text-white">
        K
      </span>
      <span className="text-[15px] font-semibold tracking-tight text-zinc-900">Klau</span>
      {label ? <span className="text-[15px] font-normal text-zinc-500">{label}</span> : null}
    </span>
  );
}
