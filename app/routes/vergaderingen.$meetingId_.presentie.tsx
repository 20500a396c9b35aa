import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { type KeyboardEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttendanceStatus, Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { ConflictList, SubmitButton, SuccessNotice, useMessage } from "../components/form";
import { formatDay } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import {
  attendanceSheet,
  describePeople,
  everyonePresent,
  findPeopleForRegister,
  type PersonChoice,
  saveAttendance,
} from "../models/attendance.server";
import { RecordNotFoundError } from "../models/editing.server";
import {
  GUEST_FIELD,
  GUEST_QUERY_FIELD,
  intentValue,
  isReshape,
  listedPeople,
  MEMBER_FIELD,
  MEMBER_STATUSES,
  parseIntent,
  registerSchema,
  reshapeRegister,
  rowOfField,
  statusField,
  substituteField,
  substituteQueryField,
} from "../services/attendance-form";
import {
  type ConcurrentChange,
  FORM_ERROR,
  type FormErrors,
  messageKey,
  parseForm,
  positiveInt,
  type SubmittedValues,
  submittedValues,
} from "../services/form-data";
import { readableRefusal } from "../services/readable-refusal.server";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("attendance.pageTitle", { title: data.sheet.meeting.title }) : t("attendance.title"),
  );

/** What ?opgeslagen= says was saved: the register, or everyone present in one go. */
const SAVED_NOTICES = ["lijst", "iedereen"] as const;

async function sheetOr404(db: Parameters<typeof attendanceSheet>[0], meetingId: number) {
  try {
    return await attendanceSheet(db, meetingId);
  } catch (error) {
    if (error instanceof RecordNotFoundError) throw new Response(null, { status: 404, statusText: "Not Found" });
    throw error;
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const sheet = await sheetOr404(context.db, recordIdParam(params.meetingId));
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return json({
    sheet,
    canEdit: can(user.role, "register.edit"),
    saved: SAVED_NOTICES.find((notice) => notice === saved) ?? null,
  });
}

/** A search the page shows under its field: what was asked and who was found. */
interface SearchAnswer {
  query: string;
  results: PersonChoice[];
}

/**
 * Every answer of the action that is not a redirect: the register as it was being filled in (so
 * nothing chosen is lost), plus names of people it mentions that the stored register does not,
 * and the searches just done. `round` changes with each answer, so search fields empty after use.
 */
interface RegisterAnswer {
  values: SubmittedValues;
  errors?: FormErrors;
  conflict?: ConcurrentChange[];
  people: Record<number, { name: string; organisation: string | null }>;
  searches: Record<string, SearchAnswer>;
  round: number;
}

const textOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();
const QUERY_FIELD = /^(?:substituteQuery-\d+|guestQuery)$/;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const meetingId = recordIdParam(params.meetingId);
  const formData = await request.formData();
  const intent = parseIntent(formData.get("intent"));
  if (!intent) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const db = context.db;
  const sheet = await sheetOr404(db, meetingId);
  const values = submittedValues(formData);
  delete values.intent;
  const hasSearchText = Object.entries(values).some(([name, value]) => QUERY_FIELD.test(name) && textOf(value) !== "");

  /** The register again with the people it mentions named: the answer to anything but a save that worked. */
  const answer = async (draft: SubmittedValues, searches: Record<string, SearchAnswer> = {}, errors?: FormErrors) => {
    const { guests } = listedPeople(draft);
    const substitutes = Object.entries(draft).flatMap(([name, value]) =>
      name.startsWith("substitute-") && /^\d+$/.test(textOf(value)) ? [Number(textOf(value))] : [],
    );
    const people = await describePeople(db, [...guests, ...substitutes], sheet.meeting.date);
    return { values: draft, people, searches, round: Date.now(), ...(errors ? { errors } : {}) };
  };
  const refuse = async (error: unknown) => {
    // the refusal carries the submitted values itself (with the current version after a conflict)
    const { people, searches, round } = await answer(values);
    return refusalResponse(readableRefusal(error, user.language), formData, { people, searches, round });
  };

  if (intent.kind === "everyonePresent") {
    const version = positiveInt().safeParse(formData.get("version"));
    if (!version.success) throw new Response(null, { status: 400, statusText: "Bad Request" });
    try {
      await everyonePresent(db, user, meetingId, version.data);
    } catch (error) {
      return refuse(error);
    }
    return redirect(`/vergaderingen/${meetingId}/presentie?opgeslagen=iedereen`);
  }

  if (intent.kind === "save" || (intent.kind === "enter" && !hasSearchText)) {
    const parsed = parseForm(registerSchema, formData);
    if (!parsed.ok) return json(await answer(values, {}, parsed.errors), { status: 400 });
    try {
      await saveAttendance(db, user, meetingId, parsed.data.version, parsed.data.entries);
    } catch (error) {
      return refuse(error);
    }
    return redirect(`/vergaderingen/${meetingId}/presentie?opgeslagen=lijst`);
  }

  if (isReshape(intent)) {
    const removable = sheet.members.filter((member) => !member.expected).map((member) => member.person_id);
    const reshaped = reshapeRegister(values, intent, removable);
    if (reshaped.ok) return json(await answer(reshaped.values));
    const named = await describePeople(db, [reshaped.listed], sheet.meeting.date);
    const name = named[reshaped.listed]?.name ?? String(reshaped.listed);
    return json(await answer(values, {}, { [GUEST_FIELD]: messageKey("attendance.errors.guestListed", { name }) }), {
      status: 400,
    });
  }

  const draft: SubmittedValues = { ...values };
  const { members, guests } = listedPeople(draft);
  // a search: every search field holding text is answered, and emptied for the next one
  const searches: Record<string, SearchAnswer> = {};
  for (const [name, value] of Object.entries(values)) {
    const query = textOf(value);
    if (!QUERY_FIELD.test(name) || query === "") continue;
    const member = rowOfField(name);
    const exclude = member === null ? [...members, ...guests] : [member];
    searches[name] = { query, results: await findPeopleForRegister(db, query, { exclude, language: user.language }) };
    draft[name] = "";
  }
  return json(await answer(draft, searches));
}

type Sheet = ReturnType<typeof useLoaderData<typeof loader>>["sheet"];
type Line = Sheet["members"][number];

/** One row of the form as the page shows it: the stored line with what is being filled in. */
interface DraftRow {
  line: Line;
  status: AttendanceStatus | null;
  substitute: { id: number; name: string } | null;
}

/** The register as the page shows it: stored, or as the last answer of the action left it. */
function draftRegister(sheet: Sheet, answer: RegisterAnswer | undefined) {
  const values = answer?.values;
  if (!values) {
    return {
      rows: sheet.members.map((line) => ({
        line,
        status: line.status,
        substitute:
          line.substitute_person_id === null
            ? null
            : { id: line.substitute_person_id, name: line.substitute_name ?? "" },
      })),
      guests: sheet.guests.map((line) => ({
        id: line.person_id,
        name: line.name,
        organisation: line.organisation_name,
      })),
    };
  }
  const listed = listedPeople(values);
  const nameOf = (id: number) =>
    answer.people[id]?.name ??
    [...sheet.members, ...sheet.guests].find((line) => line.person_id === id)?.name ??
    sheet.members.find((line) => line.substitute_person_id === id)?.substitute_name ??
    String(id);
  const rows: DraftRow[] = listed.members.flatMap((id) => {
    const line = sheet.members.find((member) => member.person_id === id);
    if (!line) return [];
    const status = textOf(values[statusField(id)]);
    const substituteId = Number(textOf(values[substituteField(id)]));
    return [
      {
        line,
        status: (MEMBER_STATUSES as readonly string[]).includes(status) ? (status as AttendanceStatus) : null,
        substitute: substituteId > 0 ? { id: substituteId, name: nameOf(substituteId) } : null,
      },
    ];
  });
  const guests = listed.guests.map((id) => ({
    id,
    name: nameOf(id),
    organisation:
      answer.people[id]?.organisation ?? sheet.guests.find((line) => line.person_id === id)?.organisation_name ?? null,
  }));
  return { rows, guests };
}

export default function AttendanceRegister() {
  const { sheet, canEdit, saved } = useLoaderData<typeof loader>();
  // every answer of the action has this shape (refusalResponse adds the same extras)
  const answer = useActionData<typeof action>() as unknown as RegisterAnswer | undefined;
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { meeting } = sheet;
  const day = formatDay(meeting.date, language);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/vergaderingen/${meeting.id}`}>{t("attendance.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("attendance.pageTitle", { title: meeting.title })}</h1>
        <p className="mt-1 text-slate-700">
          {meeting.body_name
            ? t("attendance.meetingOf", { body: meeting.body_name, date: day })
            : t("attendance.meetingOn", { date: day })}
          {" · "}
          {t(`meetings.statuses.${meeting.status}`)}
        </p>
      </div>
      {saved ? (
        <SuccessNotice>
          {saved === "iedereen" ? t("attendance.savedEveryone") : t("attendance.saved")}
          <span className="mt-1 block font-medium">{t("attendance.counts", sheet.counts)}</span>
        </SuccessNotice>
      ) : null}
      {sheet.closed ? (
        <section aria-labelledby="closed-heading" className="card space-y-2">
          <h2 id="closed-heading" className="text-lg font-semibold">
            {t("attendance.closed.heading")}
          </h2>
          <p>
            {sheet.closed === "cancelled"
              ? t("attendance.closed.cancelled")
              : t("attendance.closed.future", { date: day })}
          </p>
        </section>
      ) : canEdit ? (
        <RegisterForm key={meeting.version} sheet={sheet} answer={answer} focusFirstRow={saved === "iedereen"} />
      ) : (
        <ReadOnlyRegister sheet={sheet} />
      )}
    </div>
  );
}

function RegisterForm({
  sheet,
  answer,
  focusFirstRow,
}: {
  sheet: Sheet;
  answer: RegisterAnswer | undefined;
  focusFirstRow: boolean;
}) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const { meeting } = sheet;
  const { rows, guests } = draftRegister(sheet, answer);
  const errors = answer?.errors ?? {};
  const version = textOf(answer?.values.version) || String(meeting.version);
  const nameOfRow = (field: string) => {
    const id = rowOfField(field);
    return id === null ? null : (rows.find((row) => row.line.person_id === id)?.line.name ?? null);
  };
  const guestSearch = answer?.searches[GUEST_QUERY_FIELD];
  // the digit shortcuts need the page's script: mentioned only once it runs
  const [shortcuts, setShortcuts] = useState(false);
  useEffect(() => setShortcuts(true), []);
  // "everyone present" overwrites: offered while nothing is registered for the expected people yet
  const unregistered = sheet.members.every((line) => line.status === null);

  // Digits 1–4 choose a status in the row that has the focus (the arrows keep working as usual).
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== "radio" || !target.name.startsWith("status-")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const status = MEMBER_STATUSES[Number(event.key) - 1];
    if (!/^[1-4]$/.test(event.key) || !status) return;
    const option = target.form?.querySelector<HTMLInputElement>(`input[name="${target.name}"][value="${status}"]`);
    if (!option) return;
    event.preventDefault();
    option.checked = true;
    option.focus();
  };

  return (
    // posted to the page's own address without ?opgeslagen, so a search does not repeat the last save's notice
    <Form method="post" action={`/vergaderingen/${meeting.id}/presentie`} noValidate className="space-y-6">
      {/* The default button: Enter in a field presses the form's first submit button (searches, or saves). */}
      <button type="submit" name="intent" value="enter" tabIndex={-1} className="hidden">
        {t("attendance.save")}
      </button>
      <input type="hidden" name="version" value={version} />
      {Object.keys(errors).length > 0 ? (
        <div
          tabIndex={-1}
          autoFocus
          role="alert"
          aria-labelledby="register-errors"
          className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900"
        >
          <h2 id="register-errors" className="font-semibold">
            {answer?.conflict ? t("common.form.conflictTitle") : t("common.form.summary")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {Object.entries(errors).map(([field, key]) => {
              const name = nameOfRow(field);
              const text = name ? `${name}: ${message(key)}` : message(key);
              return (
                <li key={field}>
                  {field === FORM_ERROR ? (
                    text
                  ) : (
                    <a href={`#${anchorOf(field)}`} className="text-red-900 underline">
                      {text}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
          {answer?.conflict ? (
            <ConflictList changes={answer.conflict} fieldLabels={{ status: t("attendance.conflictFields.status") }} />
          ) : null}
        </div>
      ) : null}

      <section
        aria-labelledby="keyboard-heading"
        className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700"
      >
        <h2 id="keyboard-heading" className="font-semibold text-slate-900">
          {t("attendance.keyboard.heading")}
        </h2>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          <li>{t("attendance.keyboard.tab")}</li>
          {shortcuts ? <li>{t("attendance.keyboard.digits")}</li> : null}
          <li>{t("attendance.keyboard.enter")}</li>
          <li>{t("attendance.keyboard.focus")}</li>
        </ul>
      </section>

      <p className="text-slate-700">
        {meeting.body_id === null
          ? t("attendance.introEvent")
          : t("attendance.intro", { date: formatDay(meeting.date, i18n.language as Language) })}
      </p>
      {unregistered && rows.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton name="intent" value="everyonePresent" className="btn-secondary">
            {t("attendance.everyonePresent")}
          </SubmitButton>
          <p className="text-sm text-slate-600">{t("attendance.everyonePresentHint")}</p>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <p>{t("attendance.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("attendance.columns.name")}</th>
              <th scope="col" className="hidden md:table-cell">
                {t("attendance.columns.role")}
              </th>
              <th scope="col" className="hidden md:table-cell">
                {t("attendance.columns.organisation")}
              </th>
              <th scope="col">{t("attendance.columns.status")}</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {rows.map((row, index) => (
              <RegisterRow
                key={row.line.person_id}
                row={row}
                errors={errors}
                search={answer?.searches[substituteQueryField(row.line.person_id)]}
                round={answer?.round ?? 0}
                autoFocus={focusFirstRow && index === 0}
              />
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="guests-heading" className="space-y-3">
        <h2 id="guests-heading" className="text-lg font-semibold">
          {t("attendance.guests.heading")}
        </h2>
        {guests.length === 0 ? (
          <p className="text-sm text-slate-600">{t("attendance.guests.none")}</p>
        ) : (
          <ul className="space-y-2">
            {guests.map((guest) => (
              <li key={guest.id} className="flex flex-wrap items-center gap-3">
                <input type="hidden" name={GUEST_FIELD} value={guest.id} />
                <span>
                  {guest.name}
                  {guest.organisation ? <span className="text-slate-600"> · {guest.organisation}</span> : null}
                </span>
                <button
                  type="submit"
                  name="intent"
                  value={intentValue.removeGuest(guest.id)}
                  className="btn-secondary px-2 py-1"
                >
                  {t("attendance.guests.remove", { name: guest.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors[GUEST_FIELD] ? (
          <p id="guest-error" className="field-error">
            {message(errors[GUEST_FIELD])}
          </p>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor={anchorOf(GUEST_FIELD)} className="field-label">
              {t("attendance.guests.search")}
            </label>
            <p id="guest-hint" className="mt-1 text-sm text-slate-600">
              {t("attendance.guests.hint")}
            </p>
            <input
              key={answer?.round ?? 0}
              id={anchorOf(GUEST_FIELD)}
              name={GUEST_QUERY_FIELD}
              type="search"
              autoComplete="off"
              defaultValue={textOf(answer?.values[GUEST_QUERY_FIELD])}
              aria-describedby={errors[GUEST_FIELD] ? "guest-hint guest-error" : "guest-hint"}
              className="field-input"
            />
          </div>
          <button type="submit" name="intent" value="search" className="btn-secondary">
            {t("attendance.guests.searchButton")}
          </button>
        </div>
        {guestSearch ? (
          guestSearch.results.length === 0 ? (
            <p role="status" className="text-sm">
              {t("attendance.guests.nothingFound", { query: guestSearch.query })}
            </p>
          ) : (
            <div className="space-y-2">
              <p role="status" className="text-sm font-medium">
                {t("attendance.guests.found", { query: guestSearch.query })}
              </p>
              <ul className="space-y-2">
                {guestSearch.results.map((person, index) => (
                  <li key={person.id} className="flex flex-wrap items-center gap-3">
                    <button
                      type="submit"
                      name="intent"
                      value={intentValue.addGuest(person.id)}
                      autoFocus={index === 0}
                      className="btn-secondary px-2 py-1"
                    >
                      {t("attendance.guests.add", { name: person.name })}
                    </button>
                    {person.organisations ? (
                      <span className="text-sm text-slate-600">{person.organisations}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value="save">
          {t("attendance.save")}
        </SubmitButton>
        {answer ? <p className="text-sm text-slate-700">{t("attendance.unsavedNote")}</p> : null}
      </div>
    </Form>
  );
}

/** Where the error summary's link for a field leads. */
const anchorOf = (field: string) => `veld-${field}`;

function RegisterRow({
  row,
  errors,
  search,
  round,
  autoFocus,
}: {
  row: DraftRow;
  errors: FormErrors;
  search: SearchAnswer | undefined;
  round: number;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const { line } = row;
  const id = line.person_id;
  const statusError = errors[statusField(id)];
  const substituteError = errors[substituteField(id)];
  const choices: { id: number; name: string; organisations: string | null }[] = [
    ...(row.substitute ? [{ ...row.substitute, organisations: null }] : []),
    ...(search?.results.filter((person) => person.id !== row.substitute?.id) ?? []),
  ];
  const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;
  const details = [line.role ? t(`register.roles.${line.role}`) : null, line.organisation_name]
    .filter(Boolean)
    .join(" · ");

  return (
    <tr className="group has-[input[value=vervangen]:checked]:bg-slate-50">
      <th scope="row" className="font-medium">
        <input type="hidden" name={MEMBER_FIELD} value={id} />
        <span id={`row-${id}`}>{line.name}</span>
        {details ? <span className="block text-sm font-normal text-slate-600 md:hidden">{details}</span> : null}
        {line.expected ? null : (
          <span className="mt-1 block text-sm font-normal text-amber-800">
            {t("attendance.notExpected")}{" "}
            <button type="submit" name="intent" value={intentValue.removeMember(id)} className="underline">
              {t("attendance.removeMember", { name: line.name })}
            </button>
          </span>
        )}
      </th>
      <td className="hidden md:table-cell">{line.role ? t(`register.roles.${line.role}`) : t("attendance.invited")}</td>
      <td className="hidden md:table-cell">{line.organisation_name}</td>
      <td>
        <fieldset
          id={anchorOf(statusField(id))}
          tabIndex={-1}
          aria-invalid={statusError ? true : undefined}
          aria-describedby={describedBy(!!statusError && `status-error-${id}`)}
        >
          <legend className="sr-only">{t("attendance.statusOf", { name: line.name })}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {MEMBER_STATUSES.map((status, index) => (
              <label key={status} className="flex items-center gap-1.5 whitespace-nowrap text-sm">
                <input
                  type="radio"
                  name={statusField(id)}
                  value={status}
                  defaultChecked={row.status === status}
                  autoFocus={autoFocus && (row.status === status || (row.status === null && index === 0))}
                  className="h-4 w-4"
                />
                {t(`meetings.attendanceStatuses.${status}`)}
              </label>
            ))}
          </div>
          {statusError ? (
            <p id={`status-error-${id}`} className="field-error">
              {message(statusError)}
            </p>
          ) : null}
        </fieldset>
        <div className="mt-2 hidden space-y-2 group-has-[input[value=vervangen]:checked]:block">
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-40 flex-1">
              <label htmlFor={anchorOf(substituteField(id))} className="text-sm font-medium">
                {t("attendance.substitute.search", { name: line.name })}
              </label>
              <input
                key={round}
                id={anchorOf(substituteField(id))}
                name={substituteQueryField(id)}
                type="search"
                autoComplete="off"
                aria-invalid={substituteError ? true : undefined}
                aria-describedby={describedBy(`substitute-hint-${id}`, !!substituteError && `substitute-error-${id}`)}
                className="field-input"
              />
            </div>
            <button
              type="submit"
              name="intent"
              value="search"
              aria-label={t("attendance.substitute.searchButtonLabel", { name: line.name })}
              className="btn-secondary px-3 py-2"
            >
              {t("attendance.substitute.searchButton")}
            </button>
          </div>
          <p id={`substitute-hint-${id}`} className="text-xs text-slate-600">
            {t("attendance.substitute.hint")}
          </p>
          {substituteError ? (
            <p id={`substitute-error-${id}`} className="field-error">
              {message(substituteError)}
            </p>
          ) : null}
          {search && search.results.length === 0 ? (
            <p role="status" className="text-sm">
              {t("attendance.substitute.nothingFound", { query: search.query })}
            </p>
          ) : null}
          {choices.length > 0 ? (
            <fieldset>
              <legend className="text-sm font-medium">
                {search
                  ? t("attendance.substitute.found", { query: search.query })
                  : t("attendance.substitute.legend", { name: line.name })}
              </legend>
              <div className="mt-1 space-y-1">
                {choices.map((person, index) => (
                  <label key={person.id} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="radio"
                      name={substituteField(id)}
                      value={person.id}
                      defaultChecked={person.id === row.substitute?.id}
                      autoFocus={!!search && search.results.length > 0 && index === (row.substitute ? 1 : 0)}
                      className="h-4 w-4"
                    />
                    {person.name}
                    {person.organisations ? <span className="text-slate-600"> · {person.organisations}</span> : null}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** The register for readers who may not change it. */
function ReadOnlyRegister({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const statusText = (line: Line) =>
    line.status === null
      ? t("attendance.notRegistered")
      : line.status === "vervangen"
        ? t("attendance.replacedBy", { name: line.substitute_name ?? "" })
        : t(`meetings.attendanceStatuses.${line.status}`);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("attendance.readOnly")}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("attendance.columns.name")}</th>
            <th scope="col">{t("attendance.columns.role")}</th>
            <th scope="col">{t("attendance.columns.organisation")}</th>
            <th scope="col">{t("attendance.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {[...sheet.members, ...sheet.guests].map((line) => (
            <tr key={line.person_id}>
              <th scope="row" className="font-medium">
                {line.name}
              </th>
              <td>{line.role ? t(`register.roles.${line.role}`) : null}</td>
              <td>{line.organisation_name}</td>
              <td>{statusText(line)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
