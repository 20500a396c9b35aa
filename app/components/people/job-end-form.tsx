import { useTranslation } from "react-i18next";
import { endJobSchema } from "../../services/person-job-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";

/** Ends an ongoing job on a day, once the box that confirms it is ticked. */
export function JobEndForm({
  job,
  today,
  answer,
}: {
  job: { id: number; version: number; organisation_name: string };
  today: string;
  /** the action's refusal of this form */
  answer: FormActionData | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-4 border-t border-slate-100 pt-3">
      <h4 className="text-sm font-semibold">{t("people.jobs.endHeading")}</h4>
      <ValidatedForm
        id={`end-${job.id}`}
        key={`end-${job.id}-${job.version}`}
        schema={endJobSchema}
        actionData={answer}
        defaultValues={{ intent: "end", affiliationId: job.id, version: job.version, end_date: today }}
        className="mt-2 space-y-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="affiliationId" />
        <HiddenField name="version" />
        <TextField name="end_date" type="date" label={t("people.jobs.endDate")} className="sm:max-w-xs" required />
        <CheckboxField name="confirm" label={t("people.jobs.endConfirm", { organisation: job.organisation_name })} />
        <SubmitButton className="btn-danger">{t("people.jobs.endSubmit")}</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
