import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { JobIntent } from "../../services/person-job-forms";
import type { FormActionData } from "../form";
import { PeriodText } from "../lists";
import { type EditableJob, JobEditForm } from "./job-edit-form";
import { JobEndForm } from "./job-end-form";
import type { OrganisationChoice } from "./job-fields";

/** A job of the person, as the jobs page's loader sends it. */
export interface PersonJob extends EditableJob {
  organisation_archived_at: string | null;
}

/** One job on a person's jobs page: where and when, the form that ends it while it runs, and the one that corrects it. */
export function JobCard({
  job,
  organisations,
  today,
  answerFor,
}: {
  job: PersonJob;
  organisations: readonly OrganisationChoice[];
  today: string;
  /** the action's refusal of one of this job's forms */
  answerFor: (intent: JobIntent) => FormActionData | null;
}) {
  const { t } = useTranslation();
  return (
    <li className="rounded-md border border-slate-200 p-4">
      <h3 className="font-semibold">
        <Link to={`/organisaties/${job.organisation_id}`}>{job.organisation_name}</Link>
        {job.organisation_archived_at ? (
          <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span>
        ) : null}
      </h3>
      <p className="text-sm">{job.function_title ?? t("people.jobs.untitled")}</p>
      <p className="text-sm text-slate-600">
        <PeriodText start={job.start_date} end={job.end_date} />
      </p>
      {job.end_date === null ? <JobEndForm job={job} today={today} answer={answerFor("end")} /> : null}
      <JobEditForm job={job} organisations={organisations} answer={answerFor("edit")} />
    </li>
  );
}
