"use client";

import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/authorized-action";

/**
 * Toasts a server action's outcome; returns the data on success, null on failure. Field errors are
 * returned too so a form can show them next to its fields.
 */
export function feedback<T>(result: ActionResult<T>, success: string): { data: T | null; fieldErrors: Record<string, string[]> } {
  if (result.ok) {
    toast.success(success);
    return { data: result.data, fieldErrors: {} };
  }
  toast.error(result.error.message);
  return { data: null, fieldErrors: result.fieldErrors ?? {} };
}

/** The first message for a field, for `<Field error>`. */
export function firstError(errors: Record<string, string[]>, field: string): string | undefined {
  return errors[field]?.[0];
}
