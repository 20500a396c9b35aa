import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { regionOfMeeting } from "../models/record-regions.server";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { calendarMeeting } from "../models/calendar.server";
import { calendarTexts, icsResponse } from "../services/calendar-response.server";
import { meetingsToIcs } from "../services/icalendar.server";
import { recordIdParam } from "../services/record-id";
import { appOrigin } from "../services/app-origin.server";

/** One meeting as an .ics file to open in a calendar application (/vergaderingen/:id/agenda.ics). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfMeeting(recordIdParam(params.meetingId)),
  });
  const meeting = await calendarMeeting(context.db, recordIdParam(params.meetingId));
  if (!meeting) throw new Response(null, { status: 404, statusText: "Not Found" });
  const language = requestLanguage(request, user);
  const text = meetingsToIcs([meeting], { origin: appOrigin(request, context), texts: calendarTexts(language) });
  const fileName = `${translator(language)("calendar.ics.fileName")}-${meeting.date}-${meeting.id}.ics`;
  return icsResponse(text, { fileName, cacheControl: "private, no-cache" });
}
