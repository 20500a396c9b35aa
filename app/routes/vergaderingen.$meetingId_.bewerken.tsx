import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import {
  CheckboxField,
  HiddenField,
  RadioGroup,
  SubmitButton,
  SuccessNotice,
  UndoNotice,
  ValidatedForm,
} from "../components/form";
import {
  EventFields,
  MeetingFields,
  meetingFieldLabels,
  meetingFormValues,
  meetingTime,
  readableMeetingConflict,
} from "../components/meeting-form";
import { RefusalAlert } from "../components/refusal-alert";
import { formatDay } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import {
  AttendanceDecisionNeeded,
  cancelMeeting,
  getMeeting,
  meetingFormChoices,
  restoreMeeting,
  setMeetingStatus,
  updateMeeting,
} from "../models/meetings.server";
import { formFailure, parseForm } from "../services/form-data";
import { oneOf, positiveIntFrom } from "../services/list-params";
import {
  cancelSchema,
  restoreSchema,
  saveBodyMeetingSchema,
  saveEventSchema,
  SETTABLE_STATUSES,
  statusSchema,
} from "../services/meeting-form";
import { readableRefusal } from "../services/readable-refusal.server";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("meetings.edit.title", { title: data.meeting.title }) : t("meetings.list.title"),
  );

const INTENTS = ["save", "status", "cancel", "restore", "undo"] as const;
type Intent = (typeof INTENTS)[number];
/** The question the edit form asks after a date change of a meeting with a recorded register. */
interface DecisionPrompt {
  date: string;
  notOnRoster: { person_id: number; name: string }[];
}

const isIntent = (value: unknown): value is Intent =>
  typeof value === "string" && (INTENTS as readonly string[]).includes(value);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const id = recordIdParam(params.meetingId);
  const meeting = await getMeeting(context.db, id);
  if (!meeting) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const cancelled = meeting.status === "geannuleerd";
  return json({
    meeting,
    choices: meeting.body_id === null ? await meetingFormChoices(context.db, id) : null,
    // the version the cancellation produced and the status it replaced: the undo button restores both
    undo:
      cancelled && positiveIntFrom(search, "geannuleerd")
        ? {
            version: positiveIntFrom(search, "geannuleerd")!,
            status: oneOf(search, "was", SETTABLE_STATUSES) ?? "gepland",
          }
        : null,
    restored: !cancelled && search.get("hersteld") === "1",
    statusSaved: oneOf(search, "status", SETTABLE_STATUSES) === meeting.status ? meeting.status : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const id = recordIdParam(params.meetingId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const meeting = await getMeeting(context.db, id);
  if (!meeting) throw new Response(null, { status: 404, statusText: "Not Found" });
  const here = `/vergaderingen/${id}/bewerken`;
  try {
    if (intent === "save") {
      if (meeting.body_id === null) {
        const parsed = parseForm(saveEventSchema, formData);
        if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
        const { invited_bodies, invited_organisations, invited_searches, attendance_decision, ...fields } = parsed.data;
        await updateMeeting(context.db, user, id, fields.version, {
          ...fields,
          attendanceDecision: attendance_decision,
          invitations: {
            bodyIds: invited_bodies,
            organisationIds: invited_organisations,
            savedSearchIds: invited_searches,
          },
        });
      } else {
        const parsed = parseForm(saveBodyMeetingSchema, formData);
        if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
        const { attendance_decision, ...fields } = parsed.data;
        await updateMeeting(context.db, user, id, fields.version, {
          ...fields,
          attendanceDecision: attendance_decision,
        });
      }
      return redirect(`/vergaderingen/${id}?opgeslagen=gewijzigd`);
    }
    if (intent === "status") {
      const parsed = parseForm(statusSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
      await setMeetingStatus(context.db, user, id, parsed.data.version, parsed.data.status);
      return redirect(`${here}?status=${parsed.data.status}`);
    }
    if (intent === "cancel") {
      const parsed = parseForm(cancelSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
      const { meeting: cancelled, previousStatus } = await cancelMeeting(context.db, user, id, parsed.data.version);
      return redirect(`${here}?geannuleerd=${cancelled.version}&was=${previousStatus}`);
    }
    const parsed = parseForm(restoreSchema, formData);
    if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
    await restoreMeeting(context.db, user, id, parsed.data.version, parsed.data.status);
    return redirect(`${here}?hersteld=1`);
  } catch (error) {
    if (error instanceof AttendanceDecisionNeeded) {
      // the same form again, now asking what to do with the register and naming who drops off the roster
      const decision: DecisionPrompt = { date: String(formData.get("date")), notOnRoster: error.notOnRoster };
      return json(
        { ...formFailure(formData, { attendance_decision: error.messageKey }), intent, decision },
        { status: 400 },
      );
    }
    return refusalResponse(readableRefusal(error, user.language), formData, { intent });
  }
}

export default function EditMeeting() {
  const { meeting, choices, undo, restored, statusSaved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (...intents: Intent[]) =>
    actionData && intents.includes(actionData.intent)
      ? {
          ...actionData,
          conflict: "conflict" in actionData ? readableMeetingConflict(actionData.conflict, t) : undefined,
        }
      : null;
  const decision = actionData && "decision" in actionData ? (actionData.decision as DecisionPrompt) : null;
  const fieldLabels = meetingFieldLabels(t);
  const cancelled = meeting.status === "geannuleerd";
  const isEvent = meeting.body_id === null;
  const nextStatus = meeting.status === "gehouden" ? "gepland" : "gehouden";
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/vergaderingen/${meeting.id}`}>{t("meetings.edit.back", { title: meeting.title })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("meetings.edit.title", { title: meeting.title })}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {isEvent ? t(`meetings.kinds.${meeting.kind}`) : meeting.body_name} — {formatDay(meeting.date, language)},{" "}
          {meetingTime(t, meeting.start_time, meeting.end_time)} — {t(`meetings.statuses.${meeting.status}`)}
        </p>
      </div>
      {undo ? (
        <UndoNotice fields={{ version: undo.version, status: undo.status }}>
          {t("meetings.edit.cancelled", { title: meeting.title })}
        </UndoNotice>
      ) : null}
      {restored ? <SuccessNotice>{t("meetings.edit.restored", { title: meeting.title })}</SuccessNotice> : null}
      {statusSaved ? (
        <SuccessNotice>
          {t("meetings.edit.statusSaved", { status: t(`meetings.statuses.${statusSaved}`) })}
        </SuccessNotice>
      ) : null}
      <RefusalAlert
        title={t("meetings.edit.undoRefused")}
        refusal={forForm("undo")}
        staleText={t("meetings.edit.undoStale")}
      />

      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("meetings.edit.heading")}
        </h2>
        <ValidatedForm
          id="edit-meeting"
          key={`save-${meeting.version}`}
          schema={isEvent ? saveEventSchema : saveBodyMeetingSchema}
          actionData={forForm("save")}
          defaultValues={{
            intent: "save",
            version: meeting.version,
            ...meetingFormValues(meeting),
            ...(choices
              ? {
                  kind: meeting.kind,
                  invited_bodies: choices.invited.bodyIds.map(String),
                  invited_organisations: choices.invited.organisationIds.map(String),
                  invited_searches: choices.invited.savedSearchIds.map(String),
                }
              : {}),
          }}
          fieldLabels={fieldLabels}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <MeetingFields withMinutes />
          {choices ? <EventFields choices={choices} /> : null}
          {decision ? (
            <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              {decision.notOnRoster.length > 0 ? (
                <>
                  <p className="font-semibold">
                    {t("meetings.edit.decisionDropped", { date: formatDay(decision.date, language) })}
                  </p>
                  <ul className="list-disc pl-5">
                    {decision.notOnRoster.map((person) => (
                      <li key={person.person_id}>{person.name}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t("meetings.edit.decisionNobodyDropped", { date: formatDay(decision.date, language) })}</p>
              )}
              <RadioGroup
                name="attendance_decision"
                legend={t("meetings.edit.decisionLegend")}
                options={[
                  { value: "keep", label: t("meetings.edit.decisionKeep") },
                  { value: "clear", label: t("meetings.edit.decisionClear") },
                ]}
              />
            </div>
          ) : null}
          <SubmitButton>{t("meetings.edit.submit")}</SubmitButton>
        </ValidatedForm>
      </section>

      {cancelled ? (
        <section aria-labelledby="restore-heading" className="card space-y-4">
          <h2 id="restore-heading" className="text-lg font-semibold">
            {t("meetings.edit.restoreHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("meetings.edit.restoreText")}</p>
          <ValidatedForm
            id="restore-meeting"
            key={`restore-${meeting.version}`}
            schema={restoreSchema}
            actionData={forForm("restore")}
            fieldLabels={fieldLabels}
            defaultValues={{ intent: "restore", version: meeting.version, status: "gepland" }}
          >
            <HiddenField name="intent" />
            <HiddenField name="version" />
            <HiddenField name="status" />
            <SubmitButton className="btn-secondary">{t("meetings.edit.restoreSubmit")}</SubmitButton>
          </ValidatedForm>
        </section>
      ) : (
        <>
          <section aria-labelledby="status-heading" className="card space-y-4">
            <h2 id="status-heading" className="text-lg font-semibold">
              {t("meetings.edit.statusHeading")}
            </h2>
            <p className="text-sm text-slate-700">
              {t("meetings.edit.statusText", { status: t(`meetings.statuses.${meeting.status}`) })}
            </p>
            <ValidatedForm
              id="meeting-status"
              key={`status-${meeting.version}`}
              schema={statusSchema}
              actionData={forForm("status")}
              fieldLabels={fieldLabels}
              defaultValues={{ intent: "status", version: meeting.version, status: nextStatus }}
            >
              <HiddenField name="intent" />
              <HiddenField name="version" />
              <HiddenField name="status" />
              <SubmitButton className="btn-secondary">
                {nextStatus === "gehouden" ? t("meetings.edit.markHeld") : t("meetings.edit.markPlanned")}
              </SubmitButton>
            </ValidatedForm>
          </section>
          <section aria-labelledby="cancel-heading" className="card space-y-4">
            <h2 id="cancel-heading" className="text-lg font-semibold">
              {t("meetings.edit.cancelHeading")}
            </h2>
            <p className="text-sm text-slate-700">{t("meetings.edit.cancelText")}</p>
            <ValidatedForm
              id="cancel-meeting"
              key={`cancel-${meeting.version}`}
              schema={cancelSchema}
              actionData={forForm("cancel")}
              fieldLabels={fieldLabels}
              defaultValues={{ intent: "cancel", version: meeting.version }}
              className="space-y-4"
            >
              <HiddenField name="intent" />
              <HiddenField name="version" />
              <CheckboxField
                name="confirm"
                label={t("meetings.edit.cancelConfirm", {
                  title: meeting.title,
                  date: formatDay(meeting.date, language),
                })}
              />
              <SubmitButton className="btn-danger">{t("meetings.edit.cancelSubmit")}</SubmitButton>
            </ValidatedForm>
          </section>
        </>
      )}
    </div>
  );
}
