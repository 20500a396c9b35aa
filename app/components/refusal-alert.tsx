import type { FormActionData } from "./form";
import { useMessage } from "./form";

/**
 * Why a one-button form (an undo) was refused: it has no fields to show the messages beside,
 * so they go in one alert, with `staleText` when someone else changed the record first.
 */
export function RefusalAlert({
  title,
  refusal,
  staleText,
}: {
  title: string;
  refusal: FormActionData | null;
  staleText: string;
}) {
  const message = useMessage();
  if (!refusal?.errors) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p>{refusal.conflict ? staleText : Object.values(refusal.errors).map(message).join(" ")}</p>
    </div>
  );
}

/** Refusals whose form is no longer on the page (someone else changed the record first): one alert at the top. */
export function PageRefusal({ messageKeys }: { messageKeys: readonly string[] }) {
  const message = useMessage();
  if (messageKeys.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      {messageKeys.map((key) => (
        <p key={key}>{message(key)}</p>
      ))}
    </div>
  );
}
