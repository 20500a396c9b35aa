import { useTranslation } from "react-i18next";
import { addJobSchema } from "../../services/person-job-forms";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { JobFields, type OrganisationChoice } from "./job-fields";

/** The "Functie toevoegen" section of a person's jobs page: a job at an organisation not archived. */
export function JobAddForm({
  organisations,
  jobCount,
  answer,
}: {
  organisations: readonly OrganisationChoice[];
  /** how many jobs the person has: the form starts empty again after each one added */
  jobCount: number;
  /** the action's refusal of this form */
  answer: FormActionData | null;
}) {
  const { t } = useTranslation();
  const openOrganisations = organisations.filter((o) => !o.archived_at);
  return (
    <section aria-labelledby="add-heading" className="card space-y-4">
      <h2 id="add-heading" className="text-lg font-semibold">
        {t("people.jobs.addHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("people.jobs.addIntro")}</p>
      <ValidatedForm
        id="add-job"
        key={`add-${jobCount}`}
        schema={addJobSchema}
        actionData={answer}
        defaultValues={{ intent: "add" }}
        className="space-y-3"
      >
        <HiddenField name="intent" />
        <JobFields organisationOptions={openOrganisations.map((o) => ({ value: String(o.id), label: o.name }))} />
        <SubmitButton>{t("people.jobs.addSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
