import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { splitMessageKey } from "../../services/form-data";
import type { RowIssue, RowPreview } from "../../services/import-plan";
import { Pagination } from "../lists";
import { useMessage } from "../form";

const LINK_PATHS = {
  organisation: "organisaties",
  on_behalf_of: "organisaties",
  person: "personen",
  body: "gremia",
} as const;

export interface PreviewData {
  errorRows: number;
  warningRows: number;
  creates: { organisations: number; people: number; affiliations: number; seats: number };
  rows: RowPreview[];
  page: { page: number; pages: number; total: number; from: number; to: number };
  onlyProblems: boolean;
}

/**
 * Every row of the file (paged), with the records it links to ("Organisatie → Maastricht UMC+", or
 * new), its errors (which block the import) and its warnings, each naming the column.
 */
export function ImportPreviewTable({ preview, rowCount }: { preview: PreviewData; rowCount: number }) {
  const { t } = useTranslation();
  const message = useMessage();
  const fieldName = {
    organisation: "organisation",
    on_behalf_of: "on_behalf_of",
    person: "last_name",
    body: "body",
  } as const;
  const issueMessage = (issue: RowIssue) => {
    if (!issue.reasons) return message(issue.message);
    const { values } = splitMessageKey(issue.message);
    const reasons = issue.reasons.map((reason) => t(`duplicates.personReasons.${reason}`)).join(", ");
    return t("import.warnings.likelyDuplicate", { name: values.name, score: values.score, reasons });
  };
  const issueText = (issue: RowIssue) =>
    issue.column
      ? t("import.preview.inColumn", { column: issue.column, message: issueMessage(issue) })
      : issueMessage(issue);
  return (
    <section aria-labelledby="preview-heading" className="card space-y-3">
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t("import.preview.heading")}
      </h2>
      <p>
        {t("import.preview.summary", {
          rows: rowCount,
          errors: preview.errorRows,
          warnings: preview.warningRows,
          ...preview.creates,
        })}
      </p>
      <p className="text-sm">
        {preview.onlyProblems ? (
          <Link to="?">{t("import.preview.allRows")}</Link>
        ) : (
          <Link to="?alleen=problemen">{t("import.preview.onlyProblems")}</Link>
        )}
      </p>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("import.preview.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.preview.line")}</th>
              <th scope="col">{t("import.preview.links")}</th>
              <th scope="col">{t("import.preview.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.errors.length > 0 ? "bg-red-50" : undefined}>
                <th scope="row">{row.line}</th>
                <td>
                  <ul className="space-y-1">
                    {row.links.map((link) => {
                      const field = t(`import.fields.${fieldName[link.field]}`);
                      return (
                        <li key={`${link.field}-${link.name}`}>
                          {link.id === null ? (
                            t("import.preview.linkNew", { field, name: link.name })
                          ) : (
                            <Link to={`/${LINK_PATHS[link.field]}/${link.id}`}>
                              {t("import.preview.linkExisting", { field, name: link.name })}
                            </Link>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td>
                  {row.errors.length === 0 && row.warnings.length === 0 ? (
                    t("import.preview.clean")
                  ) : (
                    <ul className="space-y-1">
                      {row.errors.map((issue, i) => (
                        <li key={`e${i}`} className="text-red-900">
                          <strong>{t("import.preview.error")}:</strong> {issueText(issue)}
                        </li>
                      ))}
                      {row.warnings.map((issue, i) => (
                        <li key={`w${i}`} className="text-amber-900">
                          <strong>{t("import.preview.warning")}:</strong> {issueText(issue)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination {...preview.page} />
    </section>
  );
}
