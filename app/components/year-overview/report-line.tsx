import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInBrowser } from "../use-in-browser";

const clipboardAvailable = () => !!navigator.clipboard;

/** The report line, selected whole with one click; with JavaScript also a button that copies it. */
export function ReportLine({ line, year }: { line: string; year: number }) {
  const { t } = useTranslation();
  // not in the server's HTML: the button needs the page's script and a browser that lets it copy
  const canCopy = useInBrowser(clipboardAvailable);
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="report-line-heading" className="card space-y-2 break-inside-avoid">
      <h2 id="report-line-heading" className="text-lg font-semibold">
        {t("meetingReports.year.reportLine")}
      </h2>
      <p className="text-sm text-slate-600">{t("meetingReports.year.reportLineHelp")}</p>
      {line ? (
        <>
          <p id="report-line" className="select-all rounded-md border border-slate-300 bg-slate-50 p-3 font-medium">
            {line}
          </p>
          {canCopy ? (
            <div className="no-print flex flex-wrap items-center gap-3">
              <button
                type="button"
                className="btn-secondary"
                onClick={() => void navigator.clipboard.writeText(line).then(() => setCopied(true))}
              >
                {t("meetingReports.year.copy")}
              </button>
              <p role="status" className="text-sm">
                {copied ? t("meetingReports.year.copied") : null}
              </p>
            </div>
          ) : null}
        </>
      ) : (
        <p>{t("meetingReports.year.noReportLine", { year })}</p>
      )}
    </section>
  );
}
