import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Language, MAILING_KINDS, type MailingKind } from "../../../db/schema";
import type { WrittenMessage } from "../../services/mail-messages";
import { MAILING_SLUGS, testMessageSchema } from "../../services/mailing-forms";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";

export interface Preview {
  typed: string;
  kind: MailingKind;
  member: { name: string; language: Language } | null;
  message: WrittenMessage | null;
}

/**
 * A message as one chosen member reads it (a plain form: works without JavaScript), and a button
 * that sends it as a test to the signed-in user.
 */
export function MessagePreview({
  preview,
  userEmail,
  testAnswer,
}: {
  preview: Preview;
  userEmail: string;
  testAnswer: FormActionData | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="preview-heading" className="card space-y-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t("mailings.messages.preview.heading")}
      </h2>
      <Form method="get" preventScrollReset className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="preview-member" className="field-label">
            {t("mailings.messages.preview.member")}
          </label>
          <input
            id="preview-member"
            name="lid"
            defaultValue={preview.typed}
            aria-describedby="preview-member-hint"
            className="field-input"
          />
          <p id="preview-member-hint" className="mt-1 text-xs text-slate-600">
            {t("mailings.messages.preview.memberHint")}
          </p>
        </div>
        <div>
          <label htmlFor="preview-kind" className="field-label">
            {t("mailings.messages.preview.kind")}
          </label>
          <select id="preview-kind" name="soort" defaultValue={MAILING_SLUGS[preview.kind]} className="field-input">
            {MAILING_KINDS.map((kind) => (
              <option key={kind} value={MAILING_SLUGS[kind]}>
                {t(`mailings.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("mailings.messages.preview.show")}
        </button>
      </Form>
      {preview.member && preview.message ? (
        <div className="space-y-3">
          <p className="text-sm">
            {t("mailings.messages.preview.forMember", {
              name: preview.member.name,
              language: t(`mailings.messages.languages.${preview.member.language}`),
            })}
          </p>
          <div lang={preview.member.language} className="rounded-md border border-slate-300 bg-slate-50 p-4 text-sm">
            <p>
              <span className="font-semibold">{t("mailings.messages.preview.subject")}</span> {preview.message.subject}
            </p>
            <p className="mt-3 whitespace-pre-wrap break-words">{preview.message.text}</p>
          </div>
          <ValidatedForm
            id="test-message"
            schema={testMessageSchema}
            actionData={testAnswer}
            defaultValues={{ intent: "test", kind: preview.kind, language: preview.member.language }}
          >
            <HiddenField name="intent" />
            <HiddenField name="kind" />
            <HiddenField name="language" />
            <p className="mb-2 text-xs text-slate-600">{t("mailings.messages.preview.testNote")}</p>
            <SubmitButton className="btn-secondary">
              {t("mailings.messages.preview.test", { email: userEmail })}
            </SubmitButton>
          </ValidatedForm>
        </div>
      ) : (
        <p role="status">{t("mailings.messages.preview.noMember", { typed: preview.typed })}</p>
      )}
    </section>
  );
}
