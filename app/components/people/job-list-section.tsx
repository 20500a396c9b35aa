import { useTranslation } from "react-i18next";
import type { JobIntent } from "../../services/person-job-forms";
import type { FormActionData } from "../form";
import { JobCard, type PersonJob } from "./job-card";
import type { OrganisationChoice } from "./job-fields";

/** A section of a person's jobs page with a list of jobs: the current ones, or the past ones. */
export function JobListSection({
  headingId,
  heading,
  jobs,
  organisations,
  today,
  answerFor,
}: {
  headingId: string;
  heading: string;
  jobs: readonly PersonJob[];
  organisations: readonly OrganisationChoice[];
  today: string;
  /** the action's refusal of one of a job's forms */
  answerFor: (intent: JobIntent, affiliationId: string) => FormActionData | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      {jobs.length === 0 ? (
        <p className="mt-2 text-sm">{t("people.jobs.none")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {jobs.map((job) => (
            <JobCard
              key={job.id}
              job={job}
              organisations={organisations}
              today={today}
              answerFor={(intent) => answerFor(intent, String(job.id))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
