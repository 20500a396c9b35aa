import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Language, SEAT_ROLES, type SeatRole } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import {
  type FormActionData,
  HiddenField,
  SelectField,
  SubmitButton,
  SuccessNotice,
  TextField,
  ValidatedForm,
} from "../components/form";
import { PeriodText } from "../components/lists";
import { PlainLinks } from "../components/plain-links";
import {
  EnterButton,
  OrganisationChoiceField,
  PersonChoiceField,
  usePickedPerson,
} from "../components/seat-choice-fields";
import { meetingTime } from "../components/meeting-form";
import { formatDay, formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { bodyRoster, getBody, HISTORY_SHOWN } from "../models/bodies.server";
import { bodyMeetings } from "../models/meetings.server";
import { addSeat, seatChoices } from "../models/seats.server";
import { choice, FIELD_MESSAGES, isoDay, optionalId, parseForm, submittedValues } from "../services/form-data";
import { oneOf, positiveIntFrom } from "../services/list-params";
import { labelWith, labelWithValues } from "../services/many-labels";
import { isIsoDay } from "../services/periods";
import { readableRefusal } from "../services/readable-refusal.server";
import { refusalResponse } from "../services/refusal.server";
import { rosterAddress } from "../services/roster-address";
import { recordIdParam } from "../services/record-id";
import {
  idIn,
  NO_CHOICES,
  queryField,
  SEARCH_BUTTON,
  searchAsked,
  type SearchRequest,
  type SeatChoices,
} from "../services/seat-choices";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.body.name ?? t("register.bodies.title"));

/** The person select's value for "nobody yet": the seat is added as a vacancy. */
const VACANCY = "vacature";

const addSeatSchema = z.object({
  intent: z.literal("add"),
  person: z
    .string({ error: "bodies.errors.choosePerson" })
    .min(1, "bodies.errors.choosePerson")
    .refine((value) => value === VACANCY || /^\d+$/.test(value), FIELD_MESSAGES.invalid),
  role: choice(SEAT_ROLES),
  organisation_id: optionalId(),
  start_date: isoDay(),
});

const ALL_HISTORY = { geschiedenis: "alle" } as const;

/** What the page says after a change that brought the reader here. */
const NOTICES = ["aangemaakt", "gewijzigd", "toegevoegd", "verplaatst", "vervuld"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const body = await getBody(context.db, recordIdParam(params.bodyId));
  if (!body) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const asked = search.get("datum");
  const today = todayInAmsterdam();
  const onDay = asked && isIsoDay(asked) ? asked : today;
  const canEdit = can(user.role, "register.edit");
  const allHistory = search.get("geschiedenis") === ALL_HISTORY.geschiedenis;
  const [{ roster, changes, history, historyTotal }, meetings] = await Promise.all([
    bodyRoster(context.db, body.id, onDay, allHistory ? null : HISTORY_SHOWN),
    bodyMeetings(context.db, body.id, today),
  ]);
  return json({
    body,
    onDay,
    today,
    invalidDate: asked && !isIsoDay(asked) ? asked : null,
    roster,
    changes,
    history,
    historyTotal,
    allHistory,
    canEdit,
    canAddSeat: canEdit && !body.archived_at,
    meetings,
    notice: oneOf(search, "opgeslagen", NOTICES) ?? null,
    addedSeatId: positiveIntFrom(search, "zetel") ?? null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const bodyId = recordIdParam(params.bodyId);
  const formData = await request.formData();
  const values = submittedValues(formData);
  const today = todayInAmsterdam();
  // the people and organisations the form offers again: those chosen so far, and any found
  const choicesFor = (search: SearchRequest | null) =>
    seatChoices(context.db, {
      personIds: [idIn(values.person)].filter((id) => id !== null),
      organisationIds: [idIn(values.organisation_id)].filter((id) => id !== null),
      search,
      onDay: typeof values.start_date === "string" && isIsoDay(values.start_date) ? values.start_date : today,
      language: user.language,
    });

  const search = searchAsked(values);
  if (search) {
    // the form comes back as it was, with the search field emptied for the next search
    const { [SEARCH_BUTTON]: _button, ...kept } = values;
    const answer = {
      ok: true as const,
      values: { ...kept, [queryField(search.kind)]: "" },
      choices: await choicesFor(search),
      roundTrip: crypto.randomUUID(),
    };
    return json(answer);
  }
  const parsed = parseForm(addSeatSchema, formData);
  if (!parsed.ok) return json({ ...parsed, choices: await choicesFor(null), roundTrip: null }, { status: 400 });
  const { person, role, organisation_id, start_date } = parsed.data;
  try {
    const seat = await addSeat(context.db, user, bodyId, {
      person_id: person === VACANCY ? null : Number(person),
      role,
      organisation_id,
      start_date,
      end_date: null,
      note: null,
    });
    return redirect(rosterAddress(bodyId, start_date, today, { opgeslagen: "toegevoegd", zetel: String(seat.id) }));
  } catch (error) {
    const choices = await choicesFor(null);
    return refusalResponse(readableRefusal(error, user.language), formData, { choices, roundTrip: null });
  }
}

export default function Body() {
  const {
    body,
    onDay,
    today,
    invalidDate,
    roster,
    changes,
    history,
    historyTotal,
    allHistory,
    canEdit,
    canAddSeat,
    meetings,
    notice,
    addedSeatId,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const stillOpen = (seat: { end_date: string | null }) => seat.end_date === null || seat.end_date > today;
  const labels = rosterLabels(t, language);
  return (
    // the page's links are plain anchors: a <Link> costs more to render than the row it sits in
    <PlainLinks className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <a href="/gremia">{t("register.bodies.title")}</a>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold">
            {body.name}
            {body.abbreviation ? <span className="font-normal text-slate-600"> ({body.abbreviation})</span> : null}
          </h1>
          {canEdit ? (
            <a href={`/gremia/${body.id}/bewerken`} className="btn-secondary no-print">
              {t("bodies.page.edit")}
            </a>
          ) : null}
        </div>
        {body.description ? <p className="mt-2 max-w-3xl text-slate-700">{body.description}</p> : null}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("register.bodies.level")}</dt>
            <dd>{t(`register.levels.${body.level}`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.bodies.kind")}</dt>
            <dd>{t(`register.bodyKinds.${body.kind}`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.bodies.subregion")}</dt>
            <dd>{body.subregion_name ?? t("register.filters.wholeRegion")}</dd>
          </div>
          {body.parent_name ? (
            <div>
              <dt className="font-semibold">{t("register.bodies.parent")}</dt>
              <dd>
                <a href={`/gremia/${body.parent_id}`}>{body.parent_name}</a>
              </dd>
            </div>
          ) : null}
          {body.theme_name ? (
            <div>
              <dt className="font-semibold">{t("register.bodies.theme")}</dt>
              <dd>{body.theme_name}</dd>
            </div>
          ) : null}
          {body.meetings_per_year !== null ? (
            <div>
              <dt className="font-semibold">{t("register.bodies.meetingsPerYear")}</dt>
              <dd>{body.meetings_per_year}</dd>
            </div>
          ) : null}
          <div>
            <dt className="font-semibold">{t("register.bodies.active")}</dt>
            <dd>
              <PeriodText start={body.active_from} end={body.active_to} />
            </dd>
          </div>
        </dl>
      </div>
      {notice ? <SuccessNotice>{t(`bodies.page.notices.${notice}`)}</SuccessNotice> : null}
      {body.archived_at ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("bodies.page.archivedNotice", { date: formatMoment(body.archived_at, language) })}
        </p>
      ) : null}

      <section aria-labelledby="roster-heading" className="card space-y-4">
        <h2 id="roster-heading" className="text-lg font-semibold">
          {t("register.bodies.rosterHeading", { date: formatDay(onDay, language) })}
        </h2>
        {invalidDate ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("register.bodies.invalidDate", { value: invalidDate })}
          </p>
        ) : null}
        <div className="no-print flex flex-wrap items-end gap-3">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="datum" className="field-label">
                {t("register.bodies.rosterDate")}
              </label>
              <input
                id="datum"
                name="datum"
                type="date"
                defaultValue={onDay}
                key={onDay}
                className="field-input"
                required
              />
            </div>
            <button type="submit" className="btn-primary">
              {t("register.bodies.show")}
            </button>
          </Form>
          {changes.previous ? (
            <a className="btn-secondary" href={`?datum=${changes.previous}`}>
              ← {t("register.bodies.previousChange", { date: formatDay(changes.previous, language) })}
            </a>
          ) : (
            <span className="text-sm text-slate-600">{t("register.bodies.noPreviousChange")}</span>
          )}
          {changes.next ? (
            <a className="btn-secondary" href={`?datum=${changes.next}`}>
              {t("register.bodies.nextChange", { date: formatDay(changes.next, language) })} →
            </a>
          ) : (
            <span className="text-sm text-slate-600">{t("register.bodies.noNextChange")}</span>
          )}
          {onDay !== today ? (
            <a className="btn-secondary" href={`/gremia/${body.id}`}>
              {t("register.bodies.today")}
            </a>
          ) : null}
        </div>
        {roster.length === 0 ? (
          <p>{t("register.bodies.emptyRoster")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("register.bodies.role")}</th>
                  <th scope="col">{t("register.bodies.person")}</th>
                  <th scope="col">{t("register.bodies.onBehalfOf")}</th>
                  <th scope="col">{t("register.bodies.since")}</th>
                  {canEdit ? (
                    <th scope="col" className="no-print">
                      {t("bodies.page.actions")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {roster.map((seat) => (
                  <RosterRow
                    key={seat.id}
                    seat={seat}
                    labels={labels}
                    highlighted={seat.id === addedSeatId}
                    canEdit={canEdit}
                    open={stillOpen(seat)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canAddSeat ? (
        <section aria-labelledby="add-seat-heading" className="card no-print space-y-4">
          <h2 id="add-seat-heading" className="text-lg font-semibold">
            {t("bodies.addSeat.heading")}
          </h2>
          <AddSeatForm
            key={`add-${addedSeatId ?? "new"}-${actionData?.roundTrip ?? ""}`}
            action={pageAddress(body.id, {
              ...(onDay === today ? {} : { datum: onDay }),
              ...(allHistory ? ALL_HISTORY : {}),
            })}
            today={today}
            actionData={actionData ?? null}
            choices={actionData?.choices ?? NO_CHOICES}
          />
        </section>
      ) : null}

      <section aria-labelledby="meetings-heading" className="card space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="meetings-heading" className="text-lg font-semibold">
            {t("meetings.body.heading")}
          </h2>
          <div className="no-print flex flex-wrap gap-2">
            {canEdit && !body.archived_at ? (
              <>
                <a href={`/vergaderingen/nieuw?gremium=${body.id}`} className="btn-primary">
                  {t("meetings.body.plan")}
                </a>
                <a href={`/vergaderingen/reeks?gremium=${body.id}`} className="btn-secondary">
                  {t("meetings.body.planSeries")}
                </a>
              </>
            ) : null}
            <a href={`/gremia/${body.id}/agenda`} className="btn-secondary">
              {t("meetings.body.subscription")}
            </a>
          </div>
        </div>
        <div className="grid gap-6 md:grid-cols-2">
          {(
            [
              {
                key: "upcoming",
                items: meetings.upcoming,
                heading: t("meetings.body.upcoming"),
                empty: t("meetings.body.noUpcoming"),
              },
              {
                key: "recent",
                items: meetings.recent,
                heading: t("meetings.body.recent"),
                empty: t("meetings.body.noRecent"),
              },
            ] as const
          ).map((group) => (
            <div key={group.key}>
              <h3 className="font-semibold">{group.heading}</h3>
              {group.items.length === 0 ? (
                <p className="mt-1 text-sm text-slate-700">{group.empty}</p>
              ) : (
                <ul className="mt-2 space-y-1 text-sm">
                  {group.items.map((meeting) => (
                    <li key={meeting.id}>
                      <a href={`/vergaderingen/${meeting.id}`}>
                        <time dateTime={meeting.date}>{formatDay(meeting.date, language)}</time>
                      </a>{" "}
                      <span className="text-slate-700">
                        {meetingTime(t, meeting.start_time, meeting.end_time)} — {meeting.title}
                        {meeting.status !== "gepland"
                          ? ` (${t(`meetings.statuses.${meeting.status}`).toLowerCase()})`
                          : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
        <p className="text-sm">
          <a href={`/vergaderingen?gremium=${body.id}&wanneer=alle`}>{t("meetings.body.all")}</a>
        </p>
      </section>

      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("register.bodies.history")}
        </h2>
        {history.length < historyTotal ? (
          <p className="mt-2 text-sm text-slate-700">
            {t("bodies.page.history.shown", { shown: history.length, total: formatCount(historyTotal, language) })}{" "}
            <a
              href={pageAddress(body.id, { ...(onDay === today ? {} : { datum: onDay }), ...ALL_HISTORY })}
              className="no-print"
            >
              {t("bodies.page.history.showAll", { total: formatCount(historyTotal, language) })}
            </a>
          </p>
        ) : allHistory && historyTotal > HISTORY_SHOWN ? (
          <p className="mt-2 text-sm text-slate-700">
            <a href={pageAddress(body.id, onDay === today ? {} : { datum: onDay })} className="no-print">
              {t("bodies.page.history.showRecent", { shown: HISTORY_SHOWN })}
            </a>
          </p>
        ) : null}
        {history.length === 0 ? (
          <p className="mt-2">{t("register.bodies.noHistory")}</p>
        ) : (
          <ol className="mt-3 space-y-2 text-sm">
            {history.map((event) => {
              const role = labels.role[event.role].toLowerCase();
              const person = event.person_name;
              const text = person
                ? (event.kind === "start" ? labels.joined : labels.left)({ person, role })
                : (event.kind === "start" ? labels.vacancyOpened : labels.vacancyClosed)(role);
              return (
                <li key={`${event.seat_id}-${event.kind}`} className="flex flex-wrap gap-x-3">
                  <a href={`?datum=${event.day}`} className="w-40 shrink-0">
                    <time dateTime={event.day}>{labels.day(event.day)}</time>
                  </a>
                  <span>
                    {text}
                    {event.organisation_name ? (
                      <span className="text-slate-600"> — {labels.onBehalfOf(event.organisation_name)}</span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </PlainLinks>
  );
}

/** The body page's address with the given parameters (the roster's day, the whole history). */
function pageAddress(bodyId: number, params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return search ? `/gremia/${bodyId}?${search}` : `/gremia/${bodyId}`;
}

const countFormats: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL"),
  en: new Intl.NumberFormat("en-GB"),
};
const formatCount = (count: number, language: Language) => countFormats[language].format(count);

/** Adding a seat: the person and the organisation are searched, not picked from the whole register. */
function AddSeatForm({
  action,
  today,
  actionData,
  choices,
}: {
  action: string;
  today: string;
  actionData: FormActionData | null;
  choices: SeatChoices;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = usePickedPerson(actionData?.values?.person);
  return (
    <ValidatedForm
      id="add-seat"
      action={action}
      schema={addSeatSchema}
      actionData={actionData}
      defaultValues={{ intent: "add", person: "", role: "lid", organisation_id: "", start_date: today }}
      className="space-y-4"
    >
      <EnterButton>{t("bodies.addSeat.submit")}</EnterButton>
      <HiddenField name="intent" />
      <PersonChoiceField
        name="person"
        legend={t("bodies.addSeat.person")}
        choices={choices}
        vacancy={{ value: VACANCY, label: t("bodies.addSeat.vacancy") }}
        onPick={setPicked}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="role"
          label={t("bodies.addSeat.role")}
          required
          options={SEAT_ROLES.map((r) => ({ value: r, label: t(`register.roles.${r}`) }))}
        />
        <TextField name="start_date" type="date" label={t("bodies.addSeat.from")} required />
      </div>
      <OrganisationChoiceField
        name="organisation_id"
        label={t("bodies.addSeat.organisation")}
        choices={choices}
        personId={picked}
        none={t("bodies.addSeat.noOrganisation")}
      />
      <SubmitButton>{t("bodies.addSeat.submit")}</SubmitButton>
    </ValidatedForm>
  );
}

type RosterSeat = ReturnType<typeof useLoaderData<typeof loader>>["roster"][number];

interface RosterLabels {
  day: (isoDay: string) => string;
  role: Record<SeatRole, string>;
  vacant: string;
  end: string;
  move: string;
  fill: string;
  openSeat: (who: string) => string;
  endLabel: (who: string) => string;
  moveLabel: (who: string) => string;
  fillLabel: (role: string) => string;
  endVacancyLabel: (role: string) => string;
  joined: (values: { person: string; role: string }) => string;
  left: (values: { person: string; role: string }) => string;
  vacancyOpened: (role: string) => string;
  vacancyClosed: (role: string) => string;
  onBehalfOf: (organisation: string) => string;
}

/** The roster's words, made once for all its rows (see app/services/many-labels.ts). */
function rosterLabels(t: TFunction, language: Language): RosterLabels {
  return {
    day: (isoDay: string) => formatDay(isoDay, language),
    role: Object.fromEntries(
      SEAT_ROLES.map((role): [SeatRole, string] => [role, t(`register.roles.${role}`)]),
    ) as Record<SeatRole, string>,
    vacant: t("register.vacant"),
    end: t("bodies.page.end"),
    move: t("bodies.page.move"),
    fill: t("bodies.page.fill"),
    openSeat: labelWith((who) => t("bodies.page.openSeat", { who })),
    endLabel: labelWith((who) => t("bodies.page.endLabel", { who })),
    moveLabel: labelWith((who) => t("bodies.page.moveLabel", { who })),
    fillLabel: labelWith((role) => t("bodies.page.fillLabel", { role })),
    endVacancyLabel: labelWith((role) => t("bodies.page.endVacancyLabel", { role })),
    joined: labelWithValues(["person", "role"], (slots) => t("register.bodies.joined", slots)),
    left: labelWithValues(["person", "role"], (slots) => t("register.bodies.left", slots)),
    vacancyOpened: labelWith((role) => t("register.bodies.vacancyOpened", { role })),
    vacancyClosed: labelWith((role) => t("register.bodies.vacancyClosed", { role })),
    onBehalfOf: labelWith((organisation) => t("register.people.onBehalfOf", { organisation })),
  };
}

/** One seat on the roster, with plain anchors (the page is wrapped in PlainLinks). */
function RosterRow({
  seat,
  labels,
  highlighted,
  canEdit,
  open,
}: {
  seat: RosterSeat;
  labels: RosterLabels;
  highlighted: boolean;
  canEdit: boolean;
  open: boolean;
}) {
  const who = seat.person_name;
  const role = labels.role[seat.role];
  return (
    <tr className={highlighted ? "bg-green-50" : undefined}>
      <td>{role}</td>
      <td>
        {seat.person_id ? (
          <a href={`/personen/${seat.person_id}`}>{who}</a>
        ) : (
          <span className="font-semibold text-amber-800">{labels.vacant}</span>
        )}
        {seat.note ? <span className="block text-xs text-slate-600">{seat.note}</span> : null}
      </td>
      <td>
        {seat.organisation_id ? <a href={`/organisaties/${seat.organisation_id}`}>{seat.organisation_name}</a> : null}
      </td>
      <td>
        <a href={`/zetels/${seat.id}`}>
          {labels.day(seat.start_date)}
          <span className="sr-only"> — {labels.openSeat(who ?? labels.vacant)}</span>
        </a>
      </td>
      {canEdit ? (
        <td className="no-print">
          {open ? (
            <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {who ? (
                <>
                  <a href={`/zetels/${seat.id}#beeindigen`}>
                    {labels.end}
                    <span className="sr-only"> — {labels.endLabel(who)}</span>
                  </a>
                  <a href={`/zetels/${seat.id}#verplaatsen`}>
                    {labels.move}
                    <span className="sr-only"> — {labels.moveLabel(who)}</span>
                  </a>
                </>
              ) : (
                <>
                  <a href={`/zetels/${seat.id}#vervullen`}>
                    {labels.fill}
                    <span className="sr-only"> — {labels.fillLabel(role)}</span>
                  </a>
                  <a href={`/zetels/${seat.id}#beeindigen`}>
                    {labels.end}
                    <span className="sr-only"> — {labels.endVacancyLabel(role)}</span>
                  </a>
                </>
              )}
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
