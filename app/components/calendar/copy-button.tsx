import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInBrowser } from "../use-in-browser";

const clipboardAvailable = () => navigator.clipboard !== undefined;

/** Copies the address with one click where the browser allows it; without JavaScript the field is there to select. */
export function CopyButton({ address }: { address: string }) {
  const { t } = useTranslation();
  // the server's page (and so the page without JavaScript) has no button
  const available = useInBrowser(clipboardAvailable);
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
