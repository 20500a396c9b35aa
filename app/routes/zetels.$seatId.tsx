import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Language, SEAT_ROLES } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import {
  CheckboxField,
  HiddenField,
  SelectField,
  SubmitButton,
  SuccessNotice,
  TextAreaField,
  TextField,
  UndoNotice,
  ValidatedForm,
} from "../components/form";
import { PeriodText } from "../components/lists";
import { RefusalAlert } from "../components/refusal-alert";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { endSeat, fillVacancy, getSeat, moveSeat, seatFormChoices, undoSeatEnd, updateSeat } from "../models/seats.server";
import {
  checkbox,
  choice,
  type ConcurrentChange,
  isoDay,
  optionalId,
  optionalIsoDay,
  optionalText,
  parseForm,
  periodRule,
  positiveInt,
  requiredId,
} from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { displayName } from "../services/names";
import { readableRefusal } from "../services/readable-refusal.server";
import { refusalResponse } from "../services/refusal.server";
import { rosterAddress } from "../services/roster-address";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("bodies.seat.title", { role: t(`register.roles.${data.seat.role}`), body: data.seat.body_name }) : t("register.bodies.title"),
  );

const saveSchema = z
  .object({
    intent: z.literal("save"),
    version: positiveInt(),
    role: choice(SEAT_ROLES),
    organisation_id: optionalId(),
    start_date: isoDay(),
    end_date: optionalIsoDay(),
    note: optionalText(500),
  })
  .superRefine(periodRule("start_date", "end_date"));

/** Ending needs a ticked box: a confirmation step that works without JavaScript. */
const endSchema = z.object({
  intent: z.literal("end"),
  version: positiveInt(),
  end_date: isoDay(),
  confirm: checkbox().refine((ticked) => ticked, "bodies.errors.confirmEnd"),
});

const undoSchema = z.object({ intent: z.literal("undo"), version: positiveInt() });

const moveSchema = z.object({
  intent: z.literal("move"),
  version: positiveInt(),
  organisation_id: requiredId(),
  move_date: isoDay(),
});

const fillSchema = z.object({
  intent: z.literal("fill"),
  version: positiveInt(),
  person_id: requiredId(),
  organisation_id: optionalId(),
  start_date: isoDay(),
});

const SCHEMAS = { save: saveSchema, end: endSchema, undo: undoSchema, move: moveSchema, fill: fillSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const seat = await getSeat(context.db, recordIdParam(params.seatId));
  if (!seat) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  return json({
    seat,
    today: todayInAmsterdam(),
    // the forms' choices, for editors only: their presence is what shows the forms
    choices: can(user.role, "register.edit") ? await seatFormChoices(context.db, seat.organisation_id === null ? [] : [seat.organisation_id]) : null,
    saved: search.get("opgeslagen") === "1",
    undone: search.get("hersteld") === "1",
    // the version the end produced: the undo button takes the end back against it
    endedVersion: seat.end_date ? (positiveIntFrom(search, "beeindigd") ?? null) : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const seatId = recordIdParam(params.seatId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const data = parsed.data;
  const today = todayInAmsterdam();
  try {
    switch (data.intent) {
      case "save":
        await updateSeat(context.db, user, seatId, data.version, data);
        return redirect(`/zetels/${seatId}?opgeslagen=1`);
      case "end": {
        const ended = await endSeat(context.db, user, seatId, data.version, data.end_date);
        return redirect(`/zetels/${seatId}?beeindigd=${ended.version}`);
      }
      case "undo":
        await undoSeatEnd(context.db, user, seatId, data.version);
        return redirect(`/zetels/${seatId}?hersteld=1`);
      case "move": {
        const { seat } = await moveSeat(context.db, user, seatId, data.version, data);
        return redirect(rosterAddress(seat.body_id, data.move_date, today, { opgeslagen: "verplaatst", zetel: String(seat.id) }));
      }
      case "fill": {
        const { seat } = await fillVacancy(context.db, user, seatId, data.version, data);
        return redirect(rosterAddress(seat.body_id, data.start_date, today, { opgeslagen: "vervuld", zetel: String(seat.id) }));
      }
    }
  } catch (error) {
    return refusalResponse(readableRefusal(error, user.language), formData, { intent });
  }
}

/** What others changed, with the page's words and names instead of codes and ids. */
function readableSeatConflict(
  changes: readonly ConcurrentChange[] | undefined,
  organisations: readonly { id: number; name: string }[],
  t: TFunction,
  language: Language,
): ConcurrentChange[] | undefined {
  const readable = (field: string, value: string | null): string | null => {
    if (value === null) return null;
    if (field === "role" && (SEAT_ROLES as readonly string[]).includes(value)) return t(`register.roles.${value as (typeof SEAT_ROLES)[number]}`);
    if (field === "organisation_id") return organisations.find((o) => String(o.id) === value)?.name ?? value;
    if (field === "start_date" || field === "end_date") return formatDay(value, language);
    return value;
  };
  return changes?.map((change) => ({
    ...change,
    fields: change.fields.map((f) => ({ field: f.field, before: readable(f.field, f.before), after: readable(f.field, f.after) })),
  }));
}

export default function SeatPage() {
  const { seat, today, choices, saved, undone, endedVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const organisations = choices?.organisations ?? [];
  const forForm = (intent: Intent) =>
    actionData && actionData.intent === intent
      ? { ...actionData, conflict: "conflict" in actionData ? readableSeatConflict(actionData.conflict, organisations, t, language) : undefined }
      : null;
  const fieldLabels = {
    role: t("bodies.addSeat.role"),
    organisation_id: t("bodies.seat.organisation"),
    start_date: t("bodies.seat.from"),
    end_date: t("bodies.seat.to"),
    note: t("bodies.seat.note"),
    person_id: t("bodies.seat.person"),
  };
  const holder = seat.last_name ? displayName({ ...seat, last_name: seat.last_name }) : null;
  const role = t(`register.roles.${seat.role}`);
  const open = seat.end_date === null || seat.end_date > today;
  const organisationOptions = (none: string) => [
    { value: "", label: none },
    ...organisations.map((o) => ({ value: String(o.id), label: o.archived ? t("bodies.seat.archivedOrganisation", { name: o.name }) : o.name })),
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/gremia/${seat.body_id}`}>{seat.body_name}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("bodies.seat.title", { role, body: seat.body_name })}</h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("bodies.seat.person")}</dt>
            <dd>
              {holder && seat.person_id ? (
                <Link to={`/personen/${seat.person_id}`}>{holder}</Link>
              ) : (
                <span className="font-semibold text-amber-800">{t("register.vacant")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("bodies.seat.organisation")}</dt>
            <dd>
              {seat.organisation_id ? (
                <Link to={`/organisaties/${seat.organisation_id}`}>
                  {seat.organisation_archived_at ? t("bodies.seat.archivedOrganisation", { name: seat.organisation_name }) : seat.organisation_name}
                </Link>
              ) : (
                t("bodies.seat.none")
              )}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("bodies.seat.period")}</dt>
            <dd>
              <PeriodText start={seat.start_date} end={seat.end_date} />
            </dd>
          </div>
          {seat.note ? (
            <div className="sm:col-span-3">
              <dt className="font-semibold">{t("bodies.seat.note")}</dt>
              <dd className="whitespace-pre-line">{seat.note}</dd>
            </div>
          ) : null}
        </dl>
        {seat.body_archived_at ? <p className="mt-3 text-sm text-amber-900">{t("bodies.seat.bodyArchived")}</p> : null}
      </div>
      {saved ? <SuccessNotice>{t("bodies.seat.saved")}</SuccessNotice> : null}
      {undone ? <SuccessNotice>{t("bodies.seat.undone")}</SuccessNotice> : null}
      {endedVersion && seat.end_date ? (
        <UndoNotice fields={{ version: endedVersion }}>{t("bodies.seat.ended", { date: formatDay(seat.end_date, language) })}</UndoNotice>
      ) : null}
      <RefusalAlert title={t("bodies.undoRefused")} refusal={forForm("undo")} staleText={t("bodies.seat.undoStale")} />

      {choices ? (
        <>
          {seat.person_id === null && open && !seat.body_archived_at ? (
            <section id="vervullen" aria-labelledby="fill-heading" className="card space-y-4">
              <h2 id="fill-heading" className="text-lg font-semibold">
                {t("bodies.seat.fillHeading")}
              </h2>
              <p className="text-sm text-slate-700">{t("bodies.seat.fillText")}</p>
              <ValidatedForm
                id="fill-seat"
                key={`fill-${seat.version}`}
                schema={fillSchema}
                actionData={forForm("fill")}
                fieldLabels={fieldLabels}
                defaultValues={{
                  intent: "fill",
                  version: seat.version,
                  person_id: "",
                  organisation_id: seat.organisation_id === null ? "" : String(seat.organisation_id),
                  start_date: today,
                }}
                className="grid gap-4 sm:grid-cols-3 sm:items-end"
              >
                <HiddenField name="intent" />
                <HiddenField name="version" />
                <SelectField
                  name="person_id"
                  label={t("bodies.seat.fillPerson")}
                  required
                  options={[{ value: "", label: t("common.form.choose") }, ...choices.people.map((p) => ({ value: String(p.id), label: p.name }))]}
                />
                <SelectField name="organisation_id" label={t("bodies.seat.fillOrganisation")} options={organisationOptions(t("bodies.addSeat.noOrganisation"))} />
                <TextField name="start_date" type="date" label={t("bodies.seat.fillDate")} required />
                <div>
                  <SubmitButton>{t("bodies.seat.fillSubmit")}</SubmitButton>
                </div>
              </ValidatedForm>
            </section>
          ) : null}

          {seat.person_id !== null && open && !seat.body_archived_at ? (
            <section id="verplaatsen" aria-labelledby="move-heading" className="card space-y-4">
              <h2 id="move-heading" className="text-lg font-semibold">
                {t("bodies.seat.moveHeading")}
              </h2>
              <p className="text-sm text-slate-700">{t("bodies.seat.moveText")}</p>
              <ValidatedForm
                id="move-seat"
                key={`move-${seat.version}`}
                schema={moveSchema}
                actionData={forForm("move")}
                fieldLabels={fieldLabels}
                defaultValues={{ intent: "move", version: seat.version, organisation_id: "", move_date: today }}
                className="grid gap-4 sm:grid-cols-2 sm:items-end"
              >
                <HiddenField name="intent" />
                <HiddenField name="version" />
                <SelectField name="organisation_id" label={t("bodies.seat.moveOrganisation")} required options={organisationOptions(t("common.form.choose"))} />
                <TextField name="move_date" type="date" label={t("bodies.seat.moveDate")} required />
                <div>
                  <SubmitButton>{t("bodies.seat.moveSubmit")}</SubmitButton>
                </div>
              </ValidatedForm>
            </section>
          ) : null}

          {open ? (
            <section id="beeindigen" aria-labelledby="end-heading" className="card space-y-4">
              <h2 id="end-heading" className="text-lg font-semibold">
                {t("bodies.seat.endHeading")}
              </h2>
              <p className="text-sm text-slate-700">{t("bodies.seat.endText")}</p>
              <ValidatedForm
                id="end-seat"
                key={`end-${seat.version}`}
                schema={endSchema}
                actionData={forForm("end")}
                fieldLabels={fieldLabels}
                defaultValues={{ intent: "end", version: seat.version, end_date: today }}
                className="space-y-4"
              >
                <HiddenField name="intent" />
                <HiddenField name="version" />
                <TextField name="end_date" type="date" label={t("bodies.seat.endDate")} required className="max-w-xs" />
                <CheckboxField name="confirm" label={t("bodies.seat.endConfirm")} />
                <SubmitButton className="btn-danger">{t("bodies.seat.endSubmit")}</SubmitButton>
              </ValidatedForm>
            </section>
          ) : null}

          <section id="wijzigen" aria-labelledby="edit-heading" className="card space-y-4">
            <h2 id="edit-heading" className="text-lg font-semibold">
              {t("bodies.seat.editHeading")}
            </h2>
            <p className="text-sm text-slate-700">{t("bodies.seat.editHint")}</p>
            <ValidatedForm
              id="edit-seat"
              key={`save-${seat.version}`}
              schema={saveSchema}
              actionData={forForm("save")}
              fieldLabels={fieldLabels}
              defaultValues={{
                intent: "save",
                version: seat.version,
                role: seat.role,
                organisation_id: seat.organisation_id === null ? "" : String(seat.organisation_id),
                start_date: seat.start_date,
                end_date: seat.end_date ?? "",
                note: seat.note ?? "",
              }}
              className="space-y-4"
            >
              <HiddenField name="intent" />
              <HiddenField name="version" />
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  name="role"
                  label={t("bodies.addSeat.role")}
                  required
                  options={SEAT_ROLES.map((r) => ({ value: r, label: t(`register.roles.${r}`) }))}
                />
                <SelectField name="organisation_id" label={t("bodies.seat.organisation")} options={organisationOptions(t("bodies.addSeat.noOrganisation"))} />
                <TextField name="start_date" type="date" label={t("bodies.seat.from")} required />
                <TextField name="end_date" type="date" label={t("bodies.seat.to")} hint={t("bodies.seat.toHint")} />
              </div>
              <TextAreaField name="note" label={t("bodies.seat.note")} rows={3} />
              <SubmitButton>{t("bodies.seat.saveSubmit")}</SubmitButton>
            </ValidatedForm>
          </section>
        </>
      ) : null}
    </div>
  );
}
