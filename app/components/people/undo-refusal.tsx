import { useMessage } from "../form";

/** Why an undo did not happen (someone changed the record since): the notice's one button has no field to show it beside. */
export function UndoRefusal({ messageKey }: { messageKey: string | undefined }) {
  const message = useMessage();
  if (!messageKey) return null;
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {message(messageKey)}
    </p>
  );
}
