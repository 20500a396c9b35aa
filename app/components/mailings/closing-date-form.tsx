import { useTranslation } from "react-i18next";
import { closingDateSchema } from "../../services/mailing-forms";
import { type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";

/** The last day to answer, which the messages name. */
export function ClosingDateForm({
  version,
  closesOn,
  answer,
}: {
  version: number;
  closesOn: string | null;
  answer: FormActionData | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="closing-heading" className="card space-y-3">
      <h2 id="closing-heading" className="text-lg font-semibold">
        {t("mailings.messages.closingDate.heading")}
      </h2>
      <ValidatedForm
        id="closing-date"
        key={`closing-${version}`}
        schema={closingDateSchema}
        actionData={answer}
        defaultValues={{ intent: "closingDate", version, closes_on: closesOn ?? "" }}
        className="flex flex-wrap items-end gap-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <TextField
          name="closes_on"
          type="date"
          label={t("mailings.messages.closingDate.label")}
          hint={t("mailings.messages.closingDate.hint")}
        />
        <SubmitButton className="btn-secondary">{t("mailings.messages.closingDate.save")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
