import { json, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { MailingKind } from "../../db/schema";
import type { Actor } from "../models/audit.server";
import {
  mailingCandidates,
  mailingOf,
  mailingProgress,
  pauseMailing,
  resumeMailing,
  sendUnknownAgain,
  startMailing,
} from "../models/mailings.server";
import { type FormFailure, parseForm } from "./form-data";
import type { HeldBackGroup, HoldBackReason, MailingPolicy } from "./mail-recipients";
import { PREVIOUS_KIND } from "./mail-messages";
import { MAILING_PAGE_SCHEMAS, type MailingPageIntent, isMailingPageIntent, mailingPath } from "./mailing-forms";
import { withNotice } from "./notices";
import { refusalResponse } from "./refusal.server";
import { wallClockMoment } from "./zoned-time";

/** How many names of each reason the start page lists (the count says how many more). */
const NAMES_SHOWN = 50;

/**
 * The mailing page: before the start, who gets it and who not and why; after, its progress. A
 * reminder cannot start before the message it follows has been started.
 */
export async function mailingPageData(db: DB, waveId: number, kind: MailingKind, policy: MailingPolicy) {
  const progress = await mailingProgress(db, waveId, kind);
  if (progress) return { started: true as const, progress };
  const previous = PREVIOUS_KIND[kind];
  const previousStarted = previous === null || (await mailingOf(db, waveId, previous)) !== null;
  const { recipients, heldBack } = await mailingCandidates(db, waveId, kind, policy);
  const groups = new Map<HoldBackReason, HeldBackGroup>();
  for (const { member, reason } of heldBack) {
    const group = groups.get(reason) ?? { reason, count: 0, shown: [] };
    group.count += 1;
    if (group.shown.length < NAMES_SHOWN) group.shown.push({ name: member.name, organisation: member.organisation });
    groups.set(reason, group);
  }
  return { started: false as const, previousStarted, recipients: recipients.length, groups: [...groups.values()] };
}

/** A day and time on the Amsterdam clock, as the moment they stand for. */
function startMoment(day: string, time: string) {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  return wallClockMoment({ year, month, day: date, hour, minute, second: 0 });
}

export type MailingPageAnswer = FormFailure & { intent: MailingPageIntent };

interface PostSettings {
  policy: MailingPolicy;
  origin: string;
  /** tells the sender there is work (a start or a resume) */
  wake: () => void;
}

/** What a post to the mailing page does; a string is where the page goes next. */
export async function answerMailingPost(
  db: DB,
  actor: Actor,
  waveId: number,
  kind: MailingKind,
  formData: FormData,
  settings: PostSettings,
): Promise<string | TypedResponse<MailingPageAnswer>> {
  const intent = formData.get("intent");
  if (!isMailingPageIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const parsed = parseForm(MAILING_PAGE_SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const here = mailingPath(waveId, kind);
  const data = parsed.data;
  try {
    switch (data.intent) {
      case "start": {
        const startAt =
          data.when === "later" && data.start_date && data.start_time
            ? startMoment(data.start_date, data.start_time)
            : new Date().toISOString();
        await startMailing(
          db,
          actor,
          waveId,
          kind,
          { startAt, ratePerMinute: data.rate_per_minute, linkOrigin: settings.origin },
          settings.policy,
        );
        settings.wake();
        return withNotice(here, "gestart");
      }
      case "pause":
      case "resume": {
        const mailing = await mailingOf(db, waveId, kind);
        if (!mailing) throw new Response(null, { status: 404, statusText: "Not Found" });
        if (data.intent === "pause") await pauseMailing(db, actor, mailing.id, data.version);
        else await resumeMailing(db, actor, mailing.id, data.version);
        settings.wake();
        return withNotice(here, data.intent === "pause" ? "gepauzeerd" : "hervat");
      }
      case "sendAgain": {
        const mailing = await mailingOf(db, waveId, kind);
        if (!mailing) throw new Response(null, { status: 404, statusText: "Not Found" });
        await sendUnknownAgain(db, actor, mailing.id, data.version);
        settings.wake();
        return withNotice(here, "opnieuwVerstuurd");
      }
    }
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}
