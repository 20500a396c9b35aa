import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../form";

/** An organisation a job can be at, as the jobs page's loader sends it. */
export interface OrganisationChoice {
  id: number;
  name: string;
  archived_at: string | null;
}

/** Column → label, for the list of what others changed when a save of a job collides with theirs. */
export function useJobFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    organisation_id: t("people.jobs.organisation"),
    function_title: t("people.jobs.function_title"),
    start_date: t("people.jobs.start_date"),
    end_date: t("people.jobs.end_date"),
  };
}

/** The fields of a job, as the add and edit forms share them (inside a ValidatedForm). */
export function JobFields({ organisationOptions }: { organisationOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        name="organisation_id"
        label={t("people.jobs.organisation")}
        options={[{ value: "", label: t("common.form.choose") }, ...organisationOptions]}
        required
      />
      <TextField name="function_title" label={t("people.jobs.function_title")} autoComplete="off" />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField name="start_date" type="date" label={t("people.jobs.start_date")} />
        <TextField name="end_date" type="date" label={t("people.jobs.end_date")} hint={t("people.jobs.endDateHint")} />
      </div>
    </>
  );
}
