import { Field } from "@/components/ui/field";
import { KEY_DESCRIPTION_MAX, KEY_NAME_MAX } from "@/lib/keys/limits";

/** Name and description of a key: the same two fields in the create and edit dialogs. */
export function NameFields({
  name,
  description,
  onName,
  onDescription,
  errors,
}: {
  name: string;
  description: string;
  onName: (value: string) => void;
  onDescription: (value: string) => void;
  errors: { name?: string; description?: string };
}) {
  return (
    <div className="space-y-4">
      <Field
        id="key-name"
        label="Name"
        value={name}
        onChange={(e) => onName(e.target.value)}
        maxLength={KEY_NAME_MAX}
        required
        autoComplete="off"
        placeholder="e.g. Dispatch sync"
        error={errors.name}
      />
      <div className="space-y-1.5">
        <label htmlFor="key-description" className="block text-sm font-medium text-zinc-900">
          Description <span className="font-normal text-zinc-600">(optional)</span>
        </label>
        <textarea
          id="key-description"
          value={description}
          onChange={(e) => onDescription(e.target.value)}
          maxLength={KEY_DESCRIPTION_MAX}
          rows={2}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? "key-description-error" : undefined}
          placeholder="What uses this key, and who to ask about it"
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
        {errors.description ? (
          <p id="key-description-error" className="text-sm text-red-700">
            {errors.description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
