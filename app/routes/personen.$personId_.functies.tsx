import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionsOfPerson } from "../models/record-regions.server";
import { SuccessNotice, UndoNotice } from "../components/form";
import { JobAddForm } from "../components/people/job-add-form";
import { JobListSection } from "../components/people/job-list-section";
import { UndoRefusal } from "../components/people/undo-refusal";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { organisationChoices } from "../models/affiliations.server";
import { getPerson } from "../models/people.server";
import { FORM_ERROR, parseForm } from "../services/form-data";
import { displayName } from "../services/names";
import {
  answerForJobForm,
  isJobIntent,
  JOB_SCHEMAS,
  type JobAnswer,
  type JobForm,
  type JobNotice,
  jobNotices,
} from "../services/person-job-forms";
import { jobRefusal, saveJob } from "../services/person-jobs.server";
import { recordIdParam } from "../services/record-id";
import { redirectIfMerged } from "../services/merge-page.server";

const NOTICE_TEXTS = {
  toegevoegd: "people.jobs.added",
  opgeslagen: "people.jobs.edited",
  beeindigd: "people.jobs.ended",
  ongedaan: "common.form.undone",
} satisfies Record<JobNotice, MessageKey>;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("people.jobs.title", { name: displayName(data.person) }) : t("register.people.title"),
  );

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const personId = recordIdParam(params.personId);
  await requirePermission(request, context, "register.edit", { record: regionsOfPerson(personId) });
  const found = await getPerson(context.db, personId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  await redirectIfMerged(context, "people", personId);
  // an erased person is history only: their page says so, and nothing of theirs is edited back in
  if (found.person.erased_at) throw redirect(`/personen/${personId}`);
  const organisations = await organisationChoices(
    context.db,
    found.affiliations.map((a) => a.organisation_id),
  );
  return json({
    person: found.person,
    affiliations: found.affiliations,
    organisations,
    today: todayInAmsterdam(),
    ...jobNotices(new URL(request.url).searchParams, found.affiliations),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const personId = recordIdParam(params.personId);
  const me = await requirePermission(request, context, "register.edit", { record: regionsOfPerson(personId) });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isJobIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const affiliationId = formData.get("affiliationId");
  const form: JobForm = { intent, affiliationId: typeof affiliationId === "string" ? affiliationId : "" };
  const parsed = parseForm(JOB_SCHEMAS[intent], formData);
  if (!parsed.ok) return json<JobAnswer>({ ...parsed, ...form }, { status: 400 });
  try {
    return redirect(await saveJob(context.db, me, personId, parsed.data));
  } catch (error) {
    return jobRefusal(error, formData, form);
  }
}

export default function PersonJobs() {
  const { person, affiliations, organisations, today, notice, ended, undone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const name = displayName(person);
  const answerFor = (intent: JobForm["intent"], affiliationId: string) =>
    answerForJobForm(answer, intent, affiliationId);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${person.id}`}>{t("people.jobs.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.jobs.title", { name })}</h1>
      </div>
      <UndoRefusal messageKey={answer?.intent === "undo" ? answer.errors[FORM_ERROR] : undefined} />
      {notice === "beeindigd" ? (
        ended ? (
          <UndoNotice fields={{ affiliationId: ended.id, version: ended.version }}>
            {t(NOTICE_TEXTS[notice], {
              organisation: ended.organisation_name,
              date: formatDay(ended.end_date, language),
            })}
          </UndoNotice>
        ) : null
      ) : notice === "ongedaan" && undone ? (
        // names the job when it is still there to name
        <SuccessNotice>{t("people.jobs.endUndone", { organisation: undone.organisation_name })}</SuccessNotice>
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice>
      ) : null}

      <JobAddForm
        organisations={organisations}
        jobCount={affiliations.length}
        answer={answer?.intent === "add" ? answer : null}
      />
      <JobListSection
        headingId="current-heading"
        heading={t("people.jobs.current")}
        jobs={affiliations.filter((a) => a.end_date === null || a.end_date >= today)}
        organisations={organisations}
        today={today}
        answerFor={answerFor}
      />
      <JobListSection
        headingId="past-heading"
        heading={t("people.jobs.past")}
        jobs={affiliations.filter((a) => a.end_date !== null && a.end_date < today)}
        organisations={organisations}
        today={today}
        answerFor={answerFor}
      />
    </div>
  );
}
