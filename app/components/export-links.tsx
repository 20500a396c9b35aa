import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Download the list as shown (the page's own query plus `formaat`, sent to its download route) and print it. */
export function ExportLinks({ canExport, downloadPath }: { canExport: boolean; downloadPath: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const href = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams(location.search);
    params.set("formaat", format);
    return `${downloadPath}?${params}`;
  };
  return (
    <div className="no-print flex flex-wrap items-center gap-3 text-sm">
      {canExport ? (
        <>
          <span className="font-semibold">{t("overviews.download")}:</span>
          <a href={href("csv")} className="btn-secondary" download>
            {t("overviews.csv")}
          </a>
          <a href={href("xlsx")} className="btn-secondary" download>
            {t("overviews.xlsx")}
          </a>
        </>
      ) : null}
      <button type="button" className="btn-secondary" onClick={() => window.print()}>
        {t("overviews.print")}
      </button>
    </div>
  );
}
