import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "../../services/import-fields";
import { megabytesText } from "../../services/upload-limits";
import { SubmitButton, useMessage } from "../form";

/**
 * The upload of a spreadsheet: one file, multipart (a plain form without JavaScript), the limits
 * stated. A browser does not keep a chosen file after a round trip, so a refusal asks for it again.
 */
export function ImportUploadForm({
  error,
  regions,
}: {
  error: string | undefined;
  /** the bodies the file names are looked up in one region: asked only when there are several */
  regions: readonly { id: number; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const limit = megabytesText(IMPORT_MAX_BYTES, i18n.language as Language);
  return (
    <section aria-labelledby="upload-heading" className="card space-y-3">
      <h2 id="upload-heading" className="text-lg font-semibold">
        {t("import.upload.heading")}
      </h2>
      <Form method="post" encType="multipart/form-data" className="space-y-4" id="import-inlezen">
        <div>
          <label htmlFor="import-file" className="field-label">
            {t("import.upload.file")}
          </label>
          <p id="import-file-hint" className="mt-1 text-sm text-slate-600">
            {t("import.upload.hint", { limit, rows: IMPORT_MAX_ROWS.toLocaleString(i18n.language) })}
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "import-file-hint import-file-error" : "import-file-hint"}
            className="field-input"
          />
          {error ? (
            <p id="import-file-error" className="field-error" role="alert">
              {message(error)}
            </p>
          ) : null}
        </div>
        {regions.length > 1 ? (
          <div>
            <label htmlFor="import-region" className="field-label">
              {t("regions.field.label")}
            </label>
            <p id="import-region-hint" className="mt-1 text-sm text-slate-600">
              {t("import.upload.regionHint")}
            </p>
            <select
              id="import-region"
              name="region_id"
              aria-describedby="import-region-hint"
              className="field-input"
              defaultValue={regions[0]!.id}
            >
              {regions.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <SubmitButton>{t("import.upload.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
