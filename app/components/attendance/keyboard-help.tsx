import { useTranslation } from "react-i18next";
import { useInBrowser } from "../use-in-browser";

/** How to fill in the register with the keyboard alone. */
export function KeyboardHelp() {
  const { t } = useTranslation();
  // the digit shortcuts need the page's script: mentioned only once it runs (not in the server's HTML)
  const shortcuts = useInBrowser();
  return (
    <section
      aria-labelledby="keyboard-heading"
      className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700"
    >
      <h2 id="keyboard-heading" className="font-semibold text-slate-900">
        {t("attendance.keyboard.heading")}
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>{t("attendance.keyboard.tab")}</li>
        {shortcuts ? <li>{t("attendance.keyboard.digits")}</li> : null}
        <li>{t("attendance.keyboard.enter")}</li>
        <li>{t("attendance.keyboard.focus")}</li>
      </ul>
    </section>
  );
}
