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
  type FormActionData,
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
import {
  EnterButton,
  OrganisationChoiceField,
  PersonChoiceField,
  usePickedPerson,
} from "../components/seat-choice-fields";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { StaleVersionError } from "../models/editing.server";
import { endSeat, fillVacancy, getSeat, moveSeat, seatChoices, undoSeatEnd, updateSeat } from "../models/seats.server";
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
  submittedValues,
} from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { displayName } from "../services/names";
import { readableRefusal } from "../services/readable-refusal.server";
import { refusalResponse } from "../services/refusal.server";
import { rosterAddress } from "../services/roster-address";
import { recordIdParam } from "../services/record-id";
import {
  chosenId,
  idIn,
  queryField,
  SEARCH_BUTTON,
  searchAsked,
  type SearchRequest,
  type SeatChoices,
} from "../services/seat-choices";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t("bodies.seat.title", { role: t(`register.roles.${data.seat.role}`), body: data.seat.body_name })
      : t("register.bodies.title"),
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
  organisation_id: chosenId("bodies.errors.chooseOrganisation"),
  move_date: isoDay(),
});

const fillSchema = z.object({
  intent: z.literal("fill"),
  version: positiveInt(),
  person_id: chosenId("bodies.errors.choosePersonToFill"),
  organisation_id: optionalId(),
  start_date: isoDay(),
});

const SCHEMAS = { save: saveSchema, end: endSchema, undo: undoSchema, move: moveSchema, fill: fillSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;
/** The forms that choose a person or an organisation by searching. */
const SEARCHING_FORMS: readonly Intent[] = ["save", "move", "fill"];

/**
 * The people and organisations the seat's forms offer: the seat's holder and organisation, those
 * chosen in a posted form, those a change by someone else mentions, and any found by a search.
 */
async function choicesFor(
  db: Parameters<typeof seatChoices>[0],
  seat: { person_id: number | null; organisation_id: number | null },
  posted: { values?: Record<string, string | string[]>; search?: SearchRequest | null; otherIds?: number[] },
  onDay: string,
  language: Language,
) {
  const ids = (...values: (number | null)[]) => values.filter((id) => id !== null);
  return seatChoices(db, {
    personIds: ids(seat.person_id, idIn(posted.values?.person_id)),
    organisationIds: [...ids(seat.organisation_id, idIn(posted.values?.organisation_id)), ...(posted.otherIds ?? [])],
    search: posted.search ?? null,
    onDay,
    language,
  });
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const seat = await getSeat(context.db, recordIdParam(params.seatId));
  if (!seat) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const today = todayInAmsterdam();
  return json({
    seat,
    today,
    // the forms' choices, for editors only: their presence is what shows the forms
    choices: can(user.role, "register.edit") ? await choicesFor(context.db, seat, {}, today, user.language) : null,
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

  const today = todayInAmsterdam();
  const values = submittedValues(formData);
  const searching = SEARCHING_FORMS.includes(intent);
  const seat = searching ? await getSeat(context.db, seatId) : undefined;
  if (searching && !seat) throw new Response(null, { status: 404, statusText: "Not Found" });
  const choices = (posted: { search?: SearchRequest | null; otherIds?: number[] } = {}) =>
    seat ? choicesFor(context.db, seat, { values, ...posted }, today, user.language) : Promise.resolve(null);

  const search = searching ? searchAsked(values) : null;
  if (search) {
    // the form comes back as it was, with the search field emptied for the next search
    const { [SEARCH_BUTTON]: _button, ...kept } = values;
    const answer = {
      ok: true as const,
      intent,
      values: { ...kept, [queryField(search.kind)]: "" },
      choices: await choices({ search }),
      roundTrip: crypto.randomUUID(),
    };
    return json(answer);
  }
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent, choices: await choices(), roundTrip: null }, { status: 400 });
  const data = parsed.data;
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
        return redirect(
          rosterAddress(seat.body_id, data.move_date, today, { opgeslagen: "verplaatst", zetel: String(seat.id) }),
        );
      }
      case "fill": {
        const { seat } = await fillVacancy(context.db, user, seatId, data.version, data);
        return redirect(
          rosterAddress(seat.body_id, data.start_date, today, { opgeslagen: "vervuld", zetel: String(seat.id) }),
        );
      }
    }
  } catch (error) {
    // the organisations another editor's change mentions, to name them in the conflict notice
    const otherIds = error instanceof StaleVersionError ? organisationsIn(error.changes) : [];
    return refusalResponse(readableRefusal(error, user.language), formData, {
      intent,
      choices: await choices({ otherIds }),
      roundTrip: null,
    });
  }
}

function organisationsIn(changes: readonly ConcurrentChange[]): number[] {
  return changes.flatMap((change) =>
    change.fields
      .filter((f) => f.field === "organisation_id")
      .flatMap((f) => [idIn(f.before), idIn(f.after)].filter((id) => id !== null)),
  );
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
    if (field === "role" && (SEAT_ROLES as readonly string[]).includes(value))
      return t(`register.roles.${value as (typeof SEAT_ROLES)[number]}`);
    if (field === "organisation_id") return organisations.find((o) => String(o.id) === value)?.name ?? value;
    if (field === "start_date" || field === "end_date") return formatDay(value, language);
    return value;
  };
  return changes?.map((change) => ({
    ...change,
    fields: change.fields.map((f) => ({
      field: f.field,
      before: readable(f.field, f.before),
      after: readable(f.field, f.after),
    })),
  }));
}

export default function SeatPage() {
  const { seat, today, choices: shownChoices, saved, undone, endedVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (intent: Intent) =>
    actionData && actionData.intent === intent
      ? {
          ...actionData,
          conflict:
            "conflict" in actionData
              ? readableSeatConflict(actionData.conflict, actionData.choices?.organisations ?? [], t, language)
              : undefined,
        }
      : null;
  /** What a form offers: after its own round trip what the action answered, else what the page loaded. */
  const choicesOf = (intent: Intent): SeatChoices | null => forForm(intent)?.choices ?? shownChoices;
  const roundTripOf = (intent: Intent) => forForm(intent)?.roundTrip ?? "";
  const choices = shownChoices;
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
                  {seat.organisation_archived_at
                    ? t("bodies.seat.archivedOrganisation", { name: seat.organisation_name })
                    : seat.organisation_name}
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
        <UndoNotice fields={{ version: endedVersion }}>
          {t("bodies.seat.ended", { date: formatDay(seat.end_date, language) })}
        </UndoNotice>
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
              <FillForm
                key={`fill-${seat.version}-${roundTripOf("fill")}`}
                seat={seat}
                today={today}
                actionData={forForm("fill")}
                choices={choicesOf("fill") ?? choices}
                fieldLabels={fieldLabels}
              />
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
                key={`move-${seat.version}-${roundTripOf("move")}`}
                schema={moveSchema}
                actionData={forForm("move")}
                fieldLabels={fieldLabels}
                defaultValues={{ intent: "move", version: seat.version, organisation_id: "", move_date: today }}
                className="space-y-4"
              >
                <EnterButton>{t("bodies.seat.moveSubmit")}</EnterButton>
                <HiddenField name="intent" />
                <HiddenField name="version" />
                <OrganisationChoiceField
                  name="organisation_id"
                  label={t("bodies.seat.moveOrganisation")}
                  choices={choicesOf("move") ?? choices}
                  personId={seat.person_id}
                  none={t("common.form.choose")}
                  leaveOut={seat.organisation_id}
                  required
                />
                <TextField
                  name="move_date"
                  type="date"
                  label={t("bodies.seat.moveDate")}
                  required
                  className="max-w-xs"
                />
                <SubmitButton>{t("bodies.seat.moveSubmit")}</SubmitButton>
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
              key={`save-${seat.version}-${roundTripOf("save")}`}
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
              <EnterButton>{t("bodies.seat.saveSubmit")}</EnterButton>
              <HiddenField name="intent" />
              <HiddenField name="version" />
              <SelectField
                name="role"
                label={t("bodies.addSeat.role")}
                required
                className="max-w-xs"
                options={SEAT_ROLES.map((r) => ({ value: r, label: t(`register.roles.${r}`) }))}
              />
              <OrganisationChoiceField
                name="organisation_id"
                label={t("bodies.seat.organisation")}
                choices={choicesOf("save") ?? choices}
                personId={seat.person_id}
                none={t("bodies.addSeat.noOrganisation")}
              />
              <div className="grid gap-4 sm:grid-cols-2">
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

type LoadedSeat = ReturnType<typeof useLoaderData<typeof loader>>["seat"];

/** Filling a vacancy: the person (and any other organisation) is searched, not picked from the whole register. */
function FillForm({
  seat,
  today,
  actionData,
  choices,
  fieldLabels,
}: {
  seat: LoadedSeat;
  today: string;
  actionData: FormActionData | null;
  choices: SeatChoices;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = usePickedPerson(actionData?.values?.person_id);
  return (
    <ValidatedForm
      id="fill-seat"
      schema={fillSchema}
      actionData={actionData}
      fieldLabels={fieldLabels}
      defaultValues={{
        intent: "fill",
        version: seat.version,
        person_id: "",
        organisation_id: seat.organisation_id === null ? "" : String(seat.organisation_id),
        start_date: today,
      }}
      className="space-y-4"
    >
      <EnterButton>{t("bodies.seat.fillSubmit")}</EnterButton>
      <HiddenField name="intent" />
      <HiddenField name="version" />
      <PersonChoiceField name="person_id" legend={t("bodies.seat.fillPerson")} choices={choices} onPick={setPicked} />
      <OrganisationChoiceField
        name="organisation_id"
        label={t("bodies.seat.fillOrganisation")}
        choices={choices}
        personId={picked}
        none={t("bodies.addSeat.noOrganisation")}
      />
      <TextField name="start_date" type="date" label={t("bodies.seat.fillDate")} required className="max-w-xs" />
      <SubmitButton>{t("bodies.seat.fillSubmit")}</SubmitButton>
    </ValidatedForm>
  );
}
