import { useTranslation } from "react-i18next";
import { editJobSchema } from "../../services/person-job-forms";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { JobFields, type OrganisationChoice, useJobFieldLabels } from "./job-fields";

/** A job as the edit form starts from it. */
export interface EditableJob {
  id: number;
  version: number;
  organisation_id: number;
  organisation_name: string;
  function_title: string | null;
  start_date: string | null;
  end_date: string | null;
}

/**
 * Corrects a job, folded away until opened (open after a refusal). The job's own organisation
 * stays choosable when it was archived since, so an old job's dates can still be corrected.
 */
export function JobEditForm({
  job,
  organisations,
  answer,
}: {
  job: EditableJob;
  organisations: readonly OrganisationChoice[];
  /** the action's refusal of this form */
  answer: FormActionData | null;
}) {
  const { t } = useTranslation();
  const fieldLabels = useJobFieldLabels();
  const organisationOptions = organisations
    .filter((o) => !o.archived_at || o.id === job.organisation_id)
    .map((o) => ({
      value: String(o.id),
      label: o.archived_at ? t("people.jobs.archivedOrganisation", { name: o.name }) : o.name,
    }));
  return (
    <details className="mt-4 border-t border-slate-100 pt-3" open={answer ? true : undefined}>
      <summary className="cursor-pointer text-sm font-semibold">
        {t("people.jobs.editSummary")}
        <span className="sr-only">: {job.organisation_name}</span>
      </summary>
      <ValidatedForm
        id={`edit-${job.id}`}
        key={`edit-${job.id}-${job.version}`}
        schema={editJobSchema}
        actionData={answer}
        fieldLabels={fieldLabels}
        defaultValues={{
          intent: "edit",
          affiliationId: job.id,
          version: job.version,
          organisation_id: job.organisation_id,
          function_title: job.function_title,
          start_date: job.start_date,
          end_date: job.end_date,
        }}
        className="mt-3 space-y-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="affiliationId" />
        <HiddenField name="version" />
        <JobFields organisationOptions={organisationOptions} />
        <SubmitButton className="btn-secondary">{t("people.jobs.editSubmit")}</SubmitButton>
      </ValidatedForm>
    </details>
  );
}
