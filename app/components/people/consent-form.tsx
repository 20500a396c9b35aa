import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES } from "../../../db/schema";
import { consentSchema } from "../../services/person-edit-forms";
import { type FormActionData, HiddenField, RadioGroup, SubmitButton, TextField, ValidatedForm } from "../form";

/** The "Toestemming vastleggen" section of a person's edit page: one more consent record. */
export function ConsentForm({
  version,
  consentCount,
  today,
  answer,
  fieldLabels,
}: {
  /** the person's version: a consent record changes the person */
  version: number;
  /** how many records the person has: the form starts empty again after each one */
  consentCount: number;
  today: string;
  /** the action's refusal of this form */
  answer: FormActionData | null;
  /** names of the person's fields, for the list of what someone else changed meanwhile */
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="consent-heading" className="card space-y-4">
      <h2 id="consent-heading" className="text-lg font-semibold">
        {t("people.consent.heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("people.consent.intro")}</p>
      <ValidatedForm
        id="consent"
        key={`consent-${consentCount}`}
        schema={consentSchema}
        actionData={answer}
        defaultValues={{ intent: "consent", version, recorded_on: today }}
        fieldLabels={fieldLabels}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <RadioGroup
          name="purpose"
          legend={t("people.consent.purpose")}
          options={CONSENT_PURPOSES.map((purpose) => ({ value: purpose, label: t(`register.consent.${purpose}`) }))}
        />
        <RadioGroup
          name="status"
          legend={t("people.consent.status")}
          options={(["given", "withdrawn"] as const).map((status) => ({
            value: status,
            label: t(`register.consent.${status}`),
          }))}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="recorded_on" type="date" label={t("people.consent.recorded_on")} required />
          <TextField
            name="source"
            label={t("people.consent.source")}
            hint={t("people.consent.sourceHint")}
            autoComplete="off"
          />
        </div>
        <SubmitButton className="btn-secondary">{t("people.consent.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
