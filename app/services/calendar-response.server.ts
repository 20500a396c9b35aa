import type { Language } from "../../db/schema";
import { translator } from "../i18n/index";
import type { CalendarTexts } from "./icalendar.server";

/** The words inside calendar entries, in a language. */
export function calendarTexts(language: Language): CalendarTexts {
  const t = translator(language);
  return {
    kind: (kind) => t(`meetings.kinds.${kind}`),
    online: t("calendar.ics.online"),
    page: t("calendar.ics.page"),
  };
}

/**
 * iCalendar text as an HTTP answer: a file to save when `fileName` is given (one meeting), else a
 * feed that calendar applications fetch again and again.
 */
export function icsResponse(text: string, options: { fileName?: string; cacheControl: string }): Response {
  const headers = new Headers({
    "Content-Type": "text/calendar; charset=utf-8",
    "Cache-Control": options.cacheControl,
  });
  if (options.fileName) headers.set("Content-Disposition", `attachment; filename="${options.fileName}"`);
  return new Response(text, { headers });
}
