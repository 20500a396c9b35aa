import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { RadioGroup, SelectField, SubmitButton, SuccessNotice, TextField, ValidatedForm } from "../components/form";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { RegisterError } from "../models/editing.server";
import { createSeries, getSeries, previewSeries, seriesBodyChoices } from "../models/meeting-series.server";
import { parseForm, submittedValues } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { describeRule, FREQUENCIES, WEEKDAYS, weekdayOf } from "../services/recurrence";
import { refusalResponse } from "../services/refusal.server";
import {
  formatDayWithWeekday,
  ORDINAL_VALUES,
  SERIES_ENDS,
  seriesSchema,
  withReadableDayLists,
} from "../services/series-form";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetingSeries.title"));

const INTENTS = ["preview", "create"] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (value: unknown): value is Intent =>
  typeof value === "string" && (INTENTS as readonly string[]).includes(value);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const params = new URL(request.url).searchParams;
  const bodies = await seriesBodyChoices(context.db);
  const preselectedId = positiveIntFrom(params, "gremium");
  const createdId = positiveIntFrom(params, "reeks");
  return json({
    bodies,
    preselected: bodies.find((body) => body.id === preselectedId) ?? null,
    created: createdId ? await getSeries(context.db, createdId) : null,
    today: todayInAmsterdam(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  // which of the form's two buttons was pressed; Enter in a field presses the first, the preview
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const parsed = parseForm(seriesSchema, formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const { body_id: bodyId, ...input } = parsed.data;
  try {
    if (intent === "preview") {
      const preview = await previewSeries(context.db, bodyId, input);
      const { intent: _button, ...values } = submittedValues(formData);
      return json({
        ok: true as const,
        intent,
        values,
        preview: {
          bodyName: preview.body.name,
          rule: preview.rule,
          days: preview.days,
          start: input.start_time,
          end: input.end_time,
        },
      });
    }
    const { series } = await createSeries(context.db, user, bodyId, input);
    return redirect(`/vergaderingen/reeks?reeks=${series.id}`);
  } catch (error) {
    const readable =
      error instanceof RegisterError
        ? new RegisterError(withReadableDayLists(error.messageKey, user.language), error.field)
        : error;
    return refusalResponse(readable, formData, { intent });
  }
}

export default function PlanSeries() {
  const { bodies, preselected, created, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/vergaderingen">{t("meetingSeries.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("meetingSeries.title")}</h1>
      </div>
      {created ? (
        <CreatedSeries series={created} />
      ) : (
        <SeriesForm bodies={bodies} preselected={preselected} today={today} />
      )}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SeriesForm({ bodies, preselected, today }: Pick<LoaderData, "bodies" | "preselected" | "today">) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const bodyOptions = [
    { value: "", label: t("common.form.choose") },
    ...bodies.map((body) => ({
      value: String(body.id),
      label: body.abbreviation ? `${body.name} (${body.abbreviation})` : body.name,
    })),
  ];
  return (
    <section aria-labelledby="series-form-heading" className="card space-y-4">
      <h2 id="series-form-heading" className="text-lg font-semibold">
        {t("meetingSeries.formHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("meetingSeries.intro")}</p>
      <ValidatedForm
        id="series"
        schema={seriesSchema}
        actionData={actionData}
        defaultValues={{
          body_id: preselected ? String(preselected.id) : "",
          title: preselected?.name ?? "",
          first_date: today,
          frequency: "monthly",
          interval: "1",
          weekday: weekdayOf(today),
          ordinal: "1",
          ends: "count",
        }}
        className="space-y-4"
      >
        <SelectField name="body_id" label={t("meetingSeries.fields.body")} options={bodyOptions} required />
        <TextField name="title" label={t("meetingSeries.fields.title")} hint={t("meetingSeries.fields.titleHint")} />
        <TextField
          name="first_date"
          type="date"
          label={t("meetingSeries.fields.firstDate")}
          hint={t("meetingSeries.fields.firstDateHint")}
          required
        />
        <RadioGroup
          name="frequency"
          legend={t("meetingSeries.fields.frequency")}
          options={FREQUENCIES.map((frequency) => ({
            value: frequency,
            label: t(`meetingSeries.frequencies.${frequency}`),
          }))}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="interval"
            type="number"
            label={t("meetingSeries.fields.interval")}
            hint={t("meetingSeries.fields.intervalHint")}
            required
          />
          <SelectField
            name="ordinal"
            label={t("meetingSeries.fields.ordinal")}
            hint={t("meetingSeries.fields.ordinalHint")}
            options={ORDINAL_VALUES.map((value) => ({
              value,
              label: t(`meetingSeries.ordinals.${value === "-1" ? "last" : value}`),
            }))}
          />
          <SelectField
            name="weekday"
            label={t("meetingSeries.fields.weekday")}
            options={WEEKDAYS.map((weekday) => ({ value: weekday, label: t(`meetingSeries.weekdays.${weekday}`) }))}
            required
          />
        </div>
        <RadioGroup
          name="ends"
          legend={t("meetingSeries.fields.ends")}
          options={SERIES_ENDS.map((end) => ({ value: end, label: t(`meetingSeries.endOptions.${end}`) }))}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="count"
            type="number"
            label={t("meetingSeries.fields.count")}
            hint={t("meetingSeries.fields.endsHint")}
          />
          <TextField name="until" type="date" label={t("meetingSeries.fields.until")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="start_time"
            type="time"
            label={t("meetingSeries.fields.startTime")}
            hint={t("meetingSeries.fields.timeHint")}
            autoComplete="off"
            required
          />
          <TextField
            name="end_time"
            type="time"
            label={t("meetingSeries.fields.endTime")}
            hint={t("meetingSeries.fields.timeHint")}
            autoComplete="off"
            required
          />
        </div>
        <TextField name="location" label={t("meetingSeries.fields.location")} />
        <TextField name="online_url" type="url" label={t("meetingSeries.fields.onlineUrl")} />
        {preview ? <SeriesPreview preview={preview} /> : null}
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="preview" className={preview ? "btn-secondary" : "btn-primary"}>
            {t("meetingSeries.preview")}
          </SubmitButton>
          <SubmitButton name="intent" value="create" className={preview ? "btn-primary" : "btn-secondary"}>
            {t("meetingSeries.create")}
          </SubmitButton>
        </div>
      </ValidatedForm>
    </section>
  );
}

type Preview = Extract<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { ok: true }>["preview"];

/** The days the series would fall on; focused when it appears, so it is read out and scrolled into view. */
function SeriesPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [preview]);
  const outside = preview.days.filter((day) => day.outsideBodyPeriod).length;
  return (
    <section aria-labelledby="series-preview-heading" className="rounded-md border border-slate-300 bg-slate-50 p-4">
      <h3 id="series-preview-heading" ref={headingRef} tabIndex={-1} autoFocus className="text-base font-semibold">
        {t("meetingSeries.previewHeading", { count: preview.days.length })}
      </h3>
      <p className="mt-1 text-sm">
        {t("meetingSeries.previewRule", {
          body: preview.bodyName,
          rule: describeRule(preview.rule, t, language),
          start: preview.start,
          end: preview.end,
        })}
      </p>
      {outside > 0 ? (
        <p className="mt-2 text-sm font-semibold text-red-800">
          {t("meetingSeries.outsideWarning", { count: outside })}
        </p>
      ) : null}
      <ol className="mt-3 list-decimal space-y-1 pl-6 text-sm">
        {preview.days.map((day) => (
          <li key={day.date}>
            {formatDayWithWeekday(day.date, language)}
            {day.outsideBodyPeriod ? (
              <strong className="ml-2 text-red-800">({t("meetingSeries.outsidePeriod")})</strong>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-slate-700">{t("meetingSeries.previewNothingSaved")}</p>
    </section>
  );
}

function CreatedSeries({ series }: { series: NonNullable<LoaderData["created"]> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const body = series.body_name ?? "";
  return (
    <>
      <SuccessNotice>{t("meetingSeries.created.notice", { count: series.meetings.length, body })}</SuccessNotice>
      <section aria-labelledby="series-meetings-heading" className="card space-y-3">
        <h2 id="series-meetings-heading" className="text-lg font-semibold">
          {t("meetingSeries.created.heading")}
        </h2>
        <p className="text-sm">
          {t("meetingSeries.created.rule", { rule: describeRule(series.parsedRule, t, language) })}
        </p>
        <ol className="list-decimal space-y-1 pl-6 text-sm">
          {series.meetings.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`/vergaderingen/${meeting.id}`}>
                {meeting.title}, {formatDayWithWeekday(meeting.date, language)}
              </Link>{" "}
              {meeting.start_time && meeting.end_time
                ? t("meetingSeries.time", { start: meeting.start_time, end: meeting.end_time })
                : null}{" "}
              <span className="text-slate-600">({t(`meetings.statuses.${meeting.status}`)})</span>
            </li>
          ))}
        </ol>
        <p className="text-sm text-slate-700">{t("meetingSeries.created.editEach")}</p>
      </section>
      {series.body_id ? (
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <li>
            <Link to={`/gremia/${series.body_id}`}>{t("meetingSeries.created.toBody", { body })}</Link>
          </li>
          <li>
            <Link to={`/vergaderingen?gremium=${series.body_id}`}>
              {t("meetingSeries.created.toMeetings", { body })}
            </Link>
          </li>
          <li>
            <Link to={`/vergaderingen/reeks?gremium=${series.body_id}`}>{t("meetingSeries.created.another")}</Link>
          </li>
        </ul>
      ) : null}
    </>
  );
}
