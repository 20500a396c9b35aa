import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { displayName } from "../../services/names";
import { RETENTION_PARAMS, type ReviewRow, selectionValue } from "../../services/retention";
import { LastEnd, LastPlace } from "./review-cells";

export type BulkKind = "archive" | "erase";

/**
 * The step before a bulk archive or erasure: whom it affects, what it does (for erasure, that it cannot
 * be undone), "Bevestigen" or "Annuleren". The people go on with the versions shown here: whoever
 * changes before the confirmation arrives stops the whole step (the page comes back with a warning).
 */
export function ConfirmStep({
  kind,
  rows,
  dropped,
  changed,
  months,
  includeArchived,
  cancelTo,
}: {
  kind: BulkKind;
  rows: readonly ReviewRow[];
  /** chosen, but no longer due when this page was made */
  dropped: number;
  /** changed after the reviewer confirmed: nothing was done */
  changed: number;
  months: number;
  includeArchived: boolean;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // the form that asked is gone: the reader continues at this step's heading
  useEffect(() => heading.current?.focus(), [kind, changed]);
  const erase = kind === "erase";
  return (
    <div className="max-w-3xl space-y-4">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        {erase ? t("retention.confirm.eraseTitle") : t("retention.confirm.archiveTitle")}
      </h1>
      {changed > 0 ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("retention.confirm.changed", { count: changed })}
        </p>
      ) : null}
      {dropped > 0 ? <p role="status">{t("retention.confirm.dropped", { count: dropped })}</p> : null}
      {rows.length === 0 ? (
        <>
          <p>{t("retention.confirm.noneLeft")}</p>
          <Link to={cancelTo} className="btn-secondary">
            {t("retention.confirm.cancel")}
          </Link>
        </>
      ) : (
        <>
          {erase ? (
            <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
              <h2 className="font-semibold">{t("retention.confirm.eraseWarningTitle")}</h2>
              <p>{t("retention.confirm.eraseIntro", { count: rows.length })}</p>
              <p>{t("retention.confirm.eraseRemoves")}</p>
              <p>{t("retention.confirm.eraseFrozenPanels")}</p>
              <p className="font-semibold">{t("retention.confirm.eraseFinal")}</p>
            </div>
          ) : (
            <p>{t("retention.confirm.archiveIntro", { count: rows.length })}</p>
          )}
          <ul className="card list-disc space-y-1 pl-8">
            {rows.map((row) => (
              <li key={row.id}>
                <span className="font-medium">{displayName(row)}</span> —{" "}
                <LastPlace organisation={row.lastOrganisation} body={row.lastBody} /> <LastEnd day={row.lastEnd} />
                {row.inFrozenPanel ? ` (${t("retention.columns.panel")})` : null}
              </li>
            ))}
          </ul>
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <input type="hidden" name={RETENTION_PARAMS.months} value={months} />
            {includeArchived ? <input type="hidden" name={RETENTION_PARAMS.includeArchived} value="1" /> : null}
            {rows.map((row) => (
              <input key={row.id} type="hidden" name="persoon" value={selectionValue(row)} />
            ))}
            <button
              type="submit"
              name="intent"
              value={erase ? "confirm-erase" : "confirm-archive"}
              className={erase ? "btn-danger" : "btn-primary"}
            >
              {erase ? t("retention.confirm.confirmErase") : t("retention.confirm.confirmArchive")}
            </button>
            <Link to={cancelTo} className="btn-secondary">
              {t("retention.confirm.cancel")}
            </Link>
          </Form>
        </>
      )}
    </div>
  );
}
