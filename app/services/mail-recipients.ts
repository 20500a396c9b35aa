import type { IsoMoment, Language, MailingKind } from "../../db/schema";

/**
 * Who gets a mailing of a wave, and who does not and why: the rules the start page shows before
 * anything is queued, and that queuing applies. Pure, with the facts read by the model.
 */

/** At most `messages` research messages per person in `days` days, counted across waves, reminders included. */
export interface MailCap {
  messages: number;
  days: number;
}

export interface MailingPolicy {
  cap: MailCap;
  /** a reminder goes no sooner than this many days after the member's previous message of the wave */
  minDaysBetween: number;
}

export const DEFAULT_MAILING_POLICY: MailingPolicy = { cap: { messages: 4, days: 30 }, minDaysBetween: 7 };

/** A setting of the mailing policy that cannot be read: the server stops at start with its message. */
export class MailingPolicyError extends Error {}

/** KRING_MAIL_CAP ("4/30": four messages in thirty days) and KRING_REMINDER_DAYS ("7"), checked. */
export function mailingPolicyFrom(env: Partial<Record<string, string>>): MailingPolicy {
  const cap = env.KRING_MAIL_CAP?.trim();
  const days = env.KRING_REMINDER_DAYS?.trim();
  const parsedCap = cap ? /^(\d+)\s*\/\s*(\d+)$/.exec(cap) : null;
  if (cap && (!parsedCap || Number(parsedCap[1]) < 1 || Number(parsedCap[2]) < 1))
    throw new MailingPolicyError(`KRING_MAIL_CAP must read like "4/30" (messages/days), not "${cap}".`);
  if (days && !/^\d+$/.test(days))
    throw new MailingPolicyError(`KRING_REMINDER_DAYS must be a whole number of days, not "${days}".`);
  return {
    cap: parsedCap ? { messages: Number(parsedCap[1]), days: Number(parsedCap[2]) } : DEFAULT_MAILING_POLICY.cap,
    minDaysBetween: days ? Number(days) : DEFAULT_MAILING_POLICY.minDaysBetween,
  };
}

/** What the model knows of one panel member when a mailing is planned. */
export interface MemberFacts {
  panelMemberId: number;
  personId: number;
  name: string;
  organisation: string | null;
  language: Language;
  /** the reason of a later exclusion (also an opt-out of this survey), or null */
  excluded: string | null;
  /** the person's current research consent is withdrawn */
  researchOptOut: boolean;
  /** the person's current primary address; null when they have none */
  address: string | null;
  /** that address bounced and was not corrected since */
  addressBounced: boolean;
  completed: boolean;
  /** when this wave's earlier messages were sent to them, by kind */
  sent: Partial<Record<MailingKind, IsoMoment>>;
  /** research messages sent to them (or on their way) within the cap's period, across waves */
  recentResearchMessages: number;
}

export type HoldBackReason =
  | "excluded"
  | "optedOut"
  | "notInvited"
  | "completed"
  | "notCompleted"
  | "noAddress"
  | "bounced"
  | "tooSoon"
  | "overCap";

export interface HeldBack {
  member: MemberFacts;
  reason: HoldBackReason;
}

/** The members held back for one reason, as a page lists them: how many, and the first few by name. */
export interface HeldBackGroup {
  reason: HoldBackReason;
  count: number;
  shown: { name: string; organisation: string | null }[];
}

export interface MailingCandidates {
  recipients: MemberFacts[];
  heldBack: HeldBack[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder's predecessor: a first reminder follows the invitation, a second the first. */
const FOLLOWS: Partial<Record<MailingKind, MailingKind>> = { reminder1: "invitation", reminder2: "reminder1" };

/** Why the member does not get this mailing, or null when they do. The first reason found is the one shown. */
export function holdBackReason(
  kind: MailingKind,
  member: MemberFacts,
  policy: MailingPolicy,
  now: IsoMoment,
): HoldBackReason | null {
  if (member.excluded !== null) return "excluded";
  if (member.researchOptOut) return "optedOut";
  const follows = FOLLOWS[kind];
  if (follows) {
    if (!member.sent.invitation || !member.sent[follows]) return "notInvited";
    if (member.completed) return "completed";
  }
  if (kind === "thanks" && !member.completed) return "notCompleted";
  if (!member.address) return "noAddress";
  if (member.addressBounced) return "bounced";
  if (follows) {
    const last = Math.max(...Object.values(member.sent).map((moment) => Date.parse(moment)));
    if (Date.parse(now) - last < policy.minDaysBetween * DAY_MS) return "tooSoon";
  }
  if (member.recentResearchMessages >= policy.cap.messages) return "overCap";
  return null;
}

export function chooseRecipients(
  kind: MailingKind,
  members: readonly MemberFacts[],
  policy: MailingPolicy,
  now: IsoMoment,
): MailingCandidates {
  const recipients: MemberFacts[] = [];
  const heldBack: HeldBack[] = [];
  for (const member of members) {
    const reason = holdBackReason(kind, member, policy, now);
    if (reason) heldBack.push({ member, reason });
    else recipients.push(member);
  }
  return { recipients, heldBack };
}
