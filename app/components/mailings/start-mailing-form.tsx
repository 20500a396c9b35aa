import { useTranslation } from "react-i18next";
import { startMailingSchema } from "../../services/mailing-forms";
import {
  CheckboxField,
  type FormActionData,
  HiddenField,
  RadioGroup,
  SubmitButton,
  TextField,
  ValidatedForm,
} from "../form";

/** Starts the mailing, now or at a moment, at a rate; the ticked box confirms it cannot be undone. */
export function StartMailingForm({ answer, today }: { answer: FormActionData | null; today: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="start-heading" className="card space-y-3">
      <h2 id="start-heading" className="text-lg font-semibold">
        {t("mailings.mailing.start.heading")}
      </h2>
      <ValidatedForm
        id="start-mailing"
        schema={startMailingSchema}
        actionData={answer}
        defaultValues={{ intent: "start", when: "now", start_date: today, start_time: "09:00" }}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <RadioGroup
          name="when"
          legend={t("mailings.mailing.start.when")}
          options={[
            { value: "now", label: t("mailings.mailing.start.now") },
            { value: "later", label: t("mailings.mailing.start.later") },
          ]}
        />
        <div className="flex flex-wrap gap-4">
          <TextField name="start_date" type="date" label={t("mailings.mailing.start.date")} />
          <TextField name="start_time" type="time" label={t("mailings.mailing.start.time")} />
          <TextField
            name="rate_per_minute"
            type="number"
            label={t("mailings.mailing.start.rate")}
            hint={t("mailings.mailing.start.rateHint")}
          />
        </div>
        <CheckboxField name="confirm" label={t("mailings.mailing.start.confirm")} />
        <SubmitButton>{t("mailings.mailing.start.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
