"use client";

import { LoaderCircle } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInAction } from "./actions";

type SignInState = {
  email: string;
  error?: string;
  fieldErrors?: { email?: string; password?: string };
};

/** Posts the form; on success the action redirects, so only failures come back. */
async function submit(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const result = await signInAction(form);
  if (result.ok) return { email };
  const fields = result.fieldErrors;
  if (fields) return { email, fieldErrors: { email: fields.email?.[0], password: fields.password?.[0] } };
  return { email, error: result.error.message };
}

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const [state, action, pending] = useActionState(submit, { email: "", error: initialError });

  return (
    <form action={action} className="space-y-5" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <div role="alert" aria-live="assertive" data-testid="login-error">
        {state.error ? <p className="rounded-md bg-red-50 px-3 py-2.5 text-sm font-medium text-red-800 ring-1 ring-inset ring-red-200">{state.error}</p> : null}
      </div>
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        // Re-keyed per attempt so the submitted address is what the field shows after a failure.
        key={`email-${state.email}`}
        defaultValue={state.email}
        autoFocus={!state.email}
        required
        error={state.fieldErrors?.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        autoFocus={Boolean(state.email)}
        required
        error={state.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
        {pending ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : null}
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
