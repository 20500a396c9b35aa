import { useTranslation } from "react-i18next";
import type { Language, MailingKind } from "../../../db/schema";
import { messageSchema } from "../../services/mailing-forms";
import { type FormActionData, HiddenField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "../form";

/** One message of a wave in one language: its subject and text, saved on their own. */
export function MessageForm({
  kind,
  language,
  message,
  answer,
  fieldLabels,
}: {
  kind: MailingKind;
  language: Language;
  message: { subject: string; body: string; version: number | null };
  answer: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const languageName = t(`mailings.messages.languages.${language}`);
  return (
    <ValidatedForm
      id={`message-${kind}-${language}`}
      key={`${kind}-${language}-${message.version ?? "default"}`}
      schema={messageSchema}
      actionData={answer}
      fieldLabels={fieldLabels}
      defaultValues={{
        intent: "message",
        kind,
        language,
        subject: message.subject,
        body: message.body,
        version: message.version ?? "",
      }}
      className="space-y-3"
    >
      <h3 className="font-semibold" lang={language}>
        {languageName}
      </h3>
      {message.version === null ? <p className="text-sm text-slate-600">{t("mailings.messages.defaultText")}</p> : null}
      <HiddenField name="intent" />
      <HiddenField name="kind" />
      <HiddenField name="language" />
      <HiddenField name="version" />
      <TextField name="subject" label={`${t("mailings.messages.subject")} (${languageName})`} required />
      <TextAreaField name="body" label={`${t("mailings.messages.body")} (${languageName})`} rows={14} required />
      <SubmitButton className="btn-secondary">
        {t("mailings.messages.save")}
        <span className="sr-only">
          : {t("mailings.messages.saveLanguage", { kind: t(`mailings.kinds.${kind}`), language: languageName })}
        </span>
      </SubmitButton>
    </ValidatedForm>
  );
}
