import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

const unchanging = () => () => {};
const clipboardAvailable = () => typeof navigator !== "undefined" && navigator.clipboard !== undefined;
// the server's page (and so the page without JavaScript) has no button
const onTheServer = () => false;

/** Copies the address with one click where the browser allows it; without JavaScript the field is there to select. */
export function CopyButton({ address }: { address: string }) {
  const { t } = useTranslation();
  const available = useSyncExternalStore(unchanging, clipboardAvailable, onTheServer);
  const [outcome, setOutcome] = useState<"copied" | "copyFailed" | null>(null);
  if (!available) return null;
  const copy = () =>
    navigator.clipboard.writeText(address).then(
      () => setOutcome("copied"),
      () => setOutcome("copyFailed"),
    );
  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => void copy()}>
        {t("calendar.page.copy")}
      </button>
      <span aria-live="polite" className="text-sm text-slate-700">
        {outcome ? t(`calendar.page.${outcome}`) : ""}
      </span>
    </>
  );
}
