import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import {
  CheckboxField,
  HiddenField,
  SelectField,
  SubmitButton,
  SuccessNotice,
  TextField,
  UndoNotice,
  useMessage,
  ValidatedForm,
} from "../components/form";
import { PeriodText } from "../components/lists";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import {
  addAffiliation,
  endAffiliation,
  organisationChoices,
  undoAffiliationEnd,
  updateAffiliation,
} from "../models/affiliations.server";
import { StaleVersionError } from "../models/editing.server";
import { getPerson } from "../models/people.server";
import {
  checkbox,
  FORM_ERROR,
  formFailure,
  isoDay,
  optionalIsoDay,
  optionalText,
  parseForm,
  periodRule,
  positiveInt,
  requiredId,
} from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { displayName } from "../services/names";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("people.jobs.title", { name: displayName(data.person) }) : t("register.people.title"),
  );

const jobFields = {
  organisation_id: requiredId(),
  function_title: optionalText(120),
  start_date: optionalIsoDay(),
  end_date: optionalIsoDay(),
};

const addSchema = z
  .object({ intent: z.literal("add"), ...jobFields })
  .superRefine(periodRule("start_date", "end_date"));

const editSchema = z
  .object({ intent: z.literal("edit"), affiliationId: positiveInt(), version: positiveInt(), ...jobFields })
  .superRefine(periodRule("start_date", "end_date"));

/** Ending needs a ticked box: a confirmation step that works without JavaScript. */
const endSchema = z.object({
  intent: z.literal("end"),
  affiliationId: positiveInt(),
  version: positiveInt(),
  end_date: isoDay(),
  confirm: checkbox().refine((ticked) => ticked, "people.errors.confirmEnd"),
});

/** The undo button of the notice after an end: the version the end produced. */
const undoSchema = z.object({ intent: z.literal("undo"), affiliationId: positiveInt(), version: positiveInt() });

const SCHEMAS = { add: addSchema, edit: editSchema, end: endSchema, undo: undoSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;
const NOTICE_INTENTS = ["add", "edit", "undo"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const personId = recordIdParam(params.personId);
  const found = await getPerson(context.db, personId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const saved = search.get("opgeslagen");
  const endedId = positiveIntFrom(search, "beeindigd");
  const ended = found.affiliations.find((a) => a.id === endedId && a.end_date !== null);
  const undoneId = saved === "undo" ? positiveIntFrom(search, "functie") : undefined;
  const organisations = await organisationChoices(
    context.db,
    found.affiliations.map((a) => a.organisation_id),
  );
  return json({
    person: found.person,
    affiliations: found.affiliations,
    organisations,
    today: todayInAmsterdam(),
    saved: (NOTICE_INTENTS as readonly string[]).includes(saved ?? "")
      ? (saved as (typeof NOTICE_INTENTS)[number])
      : null,
    // the undo offer holds while nobody changed the job after the end (its version is the one the end produced)
    ended: ended && ended.version === positiveIntFrom(search, "versie") ? ended : null,
    undone: found.affiliations.find((a) => a.id === undoneId) ?? null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "register.edit");
  const personId = recordIdParam(params.personId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  // the edit and end forms repeat per job: the id says which one a refusal belongs to
  const affiliationId = String(formData.get("affiliationId") ?? "");
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent, affiliationId }, { status: 400 });

  const here = `/personen/${personId}/functies`;
  const db = context.db;
  const data = parsed.data;
  try {
    switch (data.intent) {
      case "add":
        await addAffiliation(db, me, personId, data);
        break;
      case "edit":
        await updateAffiliation(db, me, personId, data.affiliationId, data.version, data);
        break;
      case "end": {
        const ended = await endAffiliation(db, me, personId, data.affiliationId, data.version, data.end_date);
        return redirect(`${here}?beeindigd=${ended.id}&versie=${ended.version}`);
      }
      case "undo":
        await undoAffiliationEnd(db, me, personId, data.affiliationId, data.version);
        return redirect(`${here}?opgeslagen=undo&functie=${data.affiliationId}`);
    }
  } catch (error) {
    if (intent === "undo" && error instanceof StaleVersionError) {
      // an undo carries no typed input: say why it did not happen, the page shows the job as it is now
      return json(
        { ...formFailure(formData, { [FORM_ERROR]: "people.errors.undoStale" }), intent, affiliationId },
        { status: 409 },
      );
    }
    return refusalResponse(error, formData, { intent, affiliationId });
  }
  return redirect(`${here}?opgeslagen=${intent}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Job = LoaderData["affiliations"][number];
type ActionData = ReturnType<typeof useActionData<typeof action>>;

function JobCard({
  job,
  organisations,
  today,
  actionData,
}: {
  job: Job;
  organisations: LoaderData["organisations"];
  today: string;
  actionData: ActionData;
}) {
  const { t } = useTranslation();
  const forForm = (intent: Intent) =>
    actionData?.intent === intent && actionData.affiliationId === String(job.id) ? actionData : null;
  const editFailure = forForm("edit");
  const organisationOptions = [
    { value: "", label: t("common.form.choose") },
    ...organisations
      .filter((o) => !o.archived_at || o.id === job.organisation_id)
      .map((o) => ({
        value: String(o.id),
        label: o.archived_at ? t("people.jobs.archivedOrganisation", { name: o.name }) : o.name,
      })),
  ];
  const fieldLabels = {
    organisation_id: t("people.jobs.organisation"),
    function_title: t("people.jobs.function_title"),
    start_date: t("people.jobs.start_date"),
    end_date: t("people.jobs.end_date"),
  };
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

      {job.end_date === null ? (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <h4 className="text-sm font-semibold">{t("people.jobs.endHeading")}</h4>
          <ValidatedForm
            id={`end-${job.id}`}
            key={`end-${job.id}-${job.version}`}
            schema={endSchema}
            actionData={forForm("end")}
            defaultValues={{ intent: "end", affiliationId: job.id, version: job.version, end_date: today }}
            className="mt-2 space-y-3"
          >
            <HiddenField name="intent" />
            <HiddenField name="affiliationId" />
            <HiddenField name="version" />
            <TextField name="end_date" type="date" label={t("people.jobs.endDate")} className="sm:max-w-xs" required />
            <CheckboxField
              name="confirm"
              label={t("people.jobs.endConfirm", { organisation: job.organisation_name })}
            />
            <SubmitButton className="btn-danger">{t("people.jobs.endSubmit")}</SubmitButton>
          </ValidatedForm>
        </div>
      ) : null}

      <details className="mt-4 border-t border-slate-100 pt-3" open={editFailure ? true : undefined}>
        <summary className="cursor-pointer text-sm font-semibold">
          {t("people.jobs.editSummary")}
          <span className="sr-only">: {job.organisation_name}</span>
        </summary>
        <ValidatedForm
          id={`edit-${job.id}`}
          key={`edit-${job.id}-${job.version}`}
          schema={editSchema}
          actionData={editFailure}
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
          <SelectField
            name="organisation_id"
            label={t("people.jobs.organisation")}
            options={organisationOptions}
            required
          />
          <TextField name="function_title" label={t("people.jobs.function_title")} autoComplete="off" />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField name="start_date" type="date" label={t("people.jobs.start_date")} />
            <TextField
              name="end_date"
              type="date"
              label={t("people.jobs.end_date")}
              hint={t("people.jobs.endDateHint")}
            />
          </div>
          <SubmitButton className="btn-secondary">{t("people.jobs.editSubmit")}</SubmitButton>
        </ValidatedForm>
      </details>
    </li>
  );
}

export default function PersonJobs() {
  const { person, affiliations, organisations, today, saved, ended, undone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const language = i18n.language as Language;
  const name = displayName(person);
  const current = affiliations.filter((a) => a.end_date === null || a.end_date >= today);
  const past = affiliations.filter((a) => a.end_date !== null && a.end_date < today);
  const openOrganisations = organisations.filter((o) => !o.archived_at);
  const savedText = {
    add: t("people.jobs.added"),
    edit: t("people.jobs.edited"),
    undo: undone ? t("people.jobs.endUndone", { organisation: undone.organisation_name }) : t("common.form.undone"),
  };
  const undoFailure = actionData?.intent === "undo" ? actionData.errors?.[FORM_ERROR] : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${person.id}`}>{t("people.jobs.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.jobs.title", { name })}</h1>
      </div>
      {undoFailure ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {message(undoFailure)}
        </p>
      ) : null}
      {saved ? <SuccessNotice>{savedText[saved]}</SuccessNotice> : null}
      {ended ? (
        <UndoNotice fields={{ affiliationId: ended.id, version: ended.version }}>
          {t("people.jobs.ended", { organisation: ended.organisation_name, date: formatDay(ended.end_date, language) })}
        </UndoNotice>
      ) : null}

      <section aria-labelledby="add-heading" className="card space-y-4">
        <h2 id="add-heading" className="text-lg font-semibold">
          {t("people.jobs.addHeading")}
        </h2>
        <p className="text-sm text-slate-700">{t("people.jobs.addIntro")}</p>
        <ValidatedForm
          id="add-job"
          key={`add-${affiliations.length}`}
          schema={addSchema}
          actionData={actionData?.intent === "add" ? actionData : null}
          defaultValues={{ intent: "add" }}
          className="space-y-3"
        >
          <HiddenField name="intent" />
          <SelectField
            name="organisation_id"
            label={t("people.jobs.organisation")}
            options={[
              { value: "", label: t("common.form.choose") },
              ...openOrganisations.map((o) => ({ value: String(o.id), label: o.name })),
            ]}
            required
          />
          <TextField name="function_title" label={t("people.jobs.function_title")} autoComplete="off" />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField name="start_date" type="date" label={t("people.jobs.start_date")} />
            <TextField
              name="end_date"
              type="date"
              label={t("people.jobs.end_date")}
              hint={t("people.jobs.endDateHint")}
            />
          </div>
          <SubmitButton>{t("people.jobs.addSubmit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="current-heading" className="card">
        <h2 id="current-heading" className="text-lg font-semibold">
          {t("people.jobs.current")}
        </h2>
        {current.length === 0 ? (
          <p className="mt-2 text-sm">{t("people.jobs.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {current.map((job) => (
              <JobCard key={job.id} job={job} organisations={organisations} today={today} actionData={actionData} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="past-heading" className="card">
        <h2 id="past-heading" className="text-lg font-semibold">
          {t("people.jobs.past")}
        </h2>
        {past.length === 0 ? (
          <p className="mt-2 text-sm">{t("people.jobs.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {past.map((job) => (
              <JobCard key={job.id} job={job} organisations={organisations} today={today} actionData={actionData} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
