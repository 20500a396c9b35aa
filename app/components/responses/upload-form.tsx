import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { RESPONSE_FORMATS } from "../../services/response-file-formats";
import { megabytesText } from "../../services/upload-limits";
import { SubmitButton, useMessage } from "../form";

/**
 * The upload of a response file: one file, sent as multipart (a plain form without JavaScript),
 * with the size limit stated. A refusal says why beside the field; a chosen file is not kept by any
 * browser after a round trip, so the form asks for it again.
 */
export function ResponseUploadForm({ maxBytes, error }: { maxBytes: number; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const limit = megabytesText(maxBytes, i18n.language as Language);
  return (
    <div className="space-y-3">
      <p>{t("responses.upload.intro")}</p>
      <ul className="list-disc pl-5 text-sm">
        {RESPONSE_FORMATS.map((format) => (
          <li key={format}>{t(`responses.upload.formats.${format}`)}</li>
        ))}
      </ul>
      <p className="text-sm">{t("responses.upload.safe")}</p>
      <Form method="post" encType="multipart/form-data" className="space-y-4" id="respons-inlezen">
        <div>
          <label htmlFor="response-file" className="field-label">
            {t("responses.upload.file")}
          </label>
          <p id="response-file-hint" className="mt-1 text-sm text-slate-600">
            {t("responses.upload.hint", { limit })}
          </p>
          <input
            id="response-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "response-file-hint response-file-error" : "response-file-hint"}
            className="field-input"
          />
          {error ? (
            <p id="response-file-error" className="field-error" role="alert">
              {message(error)}
            </p>
          ) : null}
        </div>
        <SubmitButton>{t("responses.upload.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
