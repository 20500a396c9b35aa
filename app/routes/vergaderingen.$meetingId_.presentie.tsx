import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfMeeting } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { ReadOnlyRegister } from "../components/attendance/read-only-register";
import { RegisterClosedNotice } from "../components/attendance/register-closed-notice";
import { RegisterForm } from "../components/attendance/register-form";
import { SuccessNotice } from "../components/form";
import { formatDay } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { parseIntent } from "../services/attendance-form";
import { answerRegisterPost, registerSheet } from "../services/attendance-register.server";
import { type Notice, noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("attendance.pageTitle", { title: data.sheet.meeting.title }) : t("attendance.title"),
  );

const PAGE_NOTICES = ["opgeslagen", "iedereenAanwezig"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  opgeslagen: "attendance.saved",
  iedereenAanwezig: "attendance.savedEveryone",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfMeeting(recordIdParam(params.meetingId)),
  });
  const sheet = await registerSheet(context.db, recordIdParam(params.meetingId));
  return json({
    sheet,
    canEdit: can(user, "register.edit", sheet.meeting.region_id),
    notice: noticeFrom(new URL(request.url).searchParams, PAGE_NOTICES),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfMeeting(recordIdParam(params.meetingId)),
  });
  const meetingId = recordIdParam(params.meetingId);
  const formData = await request.formData();
  const intent = parseIntent(formData.get("intent"));
  if (!intent) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const sheet = await registerSheet(context.db, meetingId);
  return answerRegisterPost(context.db, user, sheet, intent, formData);
}

export default function AttendanceRegister() {
  const { sheet, canEdit, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const { meeting } = sheet;
  const day = formatDay(meeting.date, i18n.language as Language);

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
      {notice ? (
        <SuccessNotice>
          {t(NOTICE_TEXTS[notice])}
          <span className="mt-1 block font-medium">{t("attendance.counts", sheet.counts)}</span>
        </SuccessNotice>
      ) : null}
      {sheet.closed ? (
        <RegisterClosedNotice closed={sheet.closed} day={day} />
      ) : canEdit ? (
        <RegisterForm
          key={meeting.version}
          sheet={sheet}
          answer={answer}
          focusFirstRow={notice === "iedereenAanwezig"}
        />
      ) : (
        <ReadOnlyRegister sheet={sheet} />
      )}
    </div>
  );
}
