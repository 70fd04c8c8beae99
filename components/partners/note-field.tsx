import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A labelled multi-line text (a request's note, a denial's reason), with its error tied to it. */
export function NoteField({
  id,
  label,
  hint,
  error,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: string; error?: string }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={3}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={cn(
          "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset placeholder:text-zinc-400",
          "focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600",
          error ? "ring-red-400" : "ring-zinc-300",
        )}
        {...textarea}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
