import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfMeeting } from "../models/record-regions.server";
import { SuccessNotice, UndoNotice } from "../components/form";
import { meetingFieldLabels, meetingTime, readableMeetingConflict } from "../components/meeting-form";
import { CancelMeetingForm } from "../components/meetings/cancel-meeting-form";
import { EditMeetingForm } from "../components/meetings/edit-meeting-form";
import { MeetingStatusForm } from "../components/meetings/meeting-status-form";
import { RestoreMeetingForm } from "../components/meetings/restore-meeting-form";
import { RefusalAlert } from "../components/refusal-alert";
import { formatDay } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { getMeeting, meetingFormChoices } from "../models/meetings.server";
import { oneOf, positiveIntFrom } from "../services/list-params";
import { type Notice, noticeFrom } from "../services/notices";
import { isMeetingEditIntent, type MeetingEditIntent } from "../services/meeting-edit";
import { answerMeetingEdit } from "../services/meeting-edit.server";
import { SETTABLE_STATUSES } from "../services/meeting-form";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("meetings.edit.title", { title: data.meeting.title }) : t("meetings.list.title"),
  );

const PAGE_NOTICES = ["status", "geannuleerd", "hersteld", "ongedaan"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  status: "meetings.edit.statusSaved",
  geannuleerd: "meetings.edit.cancelled",
  hersteld: "meetings.edit.restored",
  ongedaan: "meetings.edit.restored",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit", {
    record: regionOfMeeting(recordIdParam(params.meetingId)),
  });
  const id = recordIdParam(params.meetingId);
  const meeting = await getMeeting(context.db, id);
  if (!meeting) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const cancelled = meeting.status === "geannuleerd";
  const asked = noticeFrom(search, PAGE_NOTICES);
  // a notice holds while the meeting is as its change left it: cancelled after a cancellation, else not
  const notice = asked && cancelled === (asked === "geannuleerd") ? asked : null;
  const cancelledVersion = notice === "geannuleerd" ? positiveIntFrom(search, "versie") : undefined;
  return json({
    meeting,
    choices: meeting.body_id === null ? await meetingFormChoices(context.db, [meeting.region_id], id) : null,
    notice,
    // the version the cancellation produced and the status it replaced: the undo button restores both
    undo: cancelledVersion
      ? { version: cancelledVersion, status: oneOf(search, "was", SETTABLE_STATUSES) ?? "gepland" }
      : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfMeeting(recordIdParam(params.meetingId)),
  });
  const id = recordIdParam(params.meetingId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isMeetingEditIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const meeting = await getMeeting(context.db, id);
  if (!meeting) throw new Response(null, { status: 404, statusText: "Not Found" });
  return answerMeetingEdit(context.db, user, meeting, intent, formData);
}

export default function EditMeeting() {
  const { meeting, choices, notice, undo } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (...intents: MeetingEditIntent[]) =>
    answer && intents.includes(answer.intent)
      ? { ...answer, conflict: readableMeetingConflict(answer.conflict, t) }
      : null;
  const fieldLabels = meetingFieldLabels(t);
  const isEvent = meeting.body_id === null;
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
      {notice === "geannuleerd" ? (
        undo ? (
          <UndoNotice fields={{ version: undo.version, status: undo.status }}>
            {t(NOTICE_TEXTS[notice], { title: meeting.title })}
          </UndoNotice>
        ) : null
      ) : notice ? (
        <SuccessNotice>
          {t(NOTICE_TEXTS[notice], { title: meeting.title, status: t(`meetings.statuses.${meeting.status}`) })}
        </SuccessNotice>
      ) : null}
      <RefusalAlert
        title={t("meetings.edit.undoRefused")}
        refusal={forForm("undo")}
        staleText={t("meetings.edit.undoStale")}
      />
      <EditMeetingForm
        meeting={meeting}
        choices={choices}
        refusal={forForm("save")}
        decision={answer?.kind === "decisionNeeded" ? answer.decision : null}
        fieldLabels={fieldLabels}
      />
      {meeting.status === "geannuleerd" ? (
        <RestoreMeetingForm version={meeting.version} refusal={forForm("restore")} fieldLabels={fieldLabels} />
      ) : (
        <>
          <MeetingStatusForm meeting={meeting} refusal={forForm("status")} fieldLabels={fieldLabels} />
          <CancelMeetingForm meeting={meeting} refusal={forForm("cancel")} fieldLabels={fieldLabels} />
        </>
      )}
    </div>
  );
}
