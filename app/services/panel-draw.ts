import {
  BODY_LEVELS,
  type BodyKind,
  type BodyLevel,
  type ConsentStatus,
  type FundingStatus,
  type Language,
  SEAT_ROLES,
  type SeatRole,
} from "../../db/schema";
import { messageKey } from "./form-data";
import { compareDutch, sortedByDutchName } from "./names";
import type {
  DrawnExclusion,
  DrawnMember,
  DrawnPanel,
  ExclusionReason,
  PanelAttributes,
  PanelReason,
  PanelRules,
  SeatRule,
} from "./panel-rules-schema";
import { isActiveOn } from "./periods";
import type { Message } from "../i18n/keys";

/**
 * The panel draw as a pure function of the register's facts and the wave's rules, so the preview,
 * the freeze and the tests all draw the same way. The loader (app/models/panel-facts.server.ts)
 * gathers the facts; this module decides.
 *
 * Decisions the rules leave open, fixed here:
 * - "Active on the reference date" is checked here too (start <= D and (end null or end >= D)), so
 *   facts may hold more seats and jobs than are active.
 * - Archived people are no longer in the network: they are never candidates, their seats and jobs
 *   do not count, and they do not appear among the excluded either.
 * - The attendance window of `minAttendance { meetings, months }` runs from the same day `months`
 *   months before the reference date (inclusive; a day that does not exist in that month becomes
 *   its month's last day) up to the day before the reference date: a meeting on the reference date
 *   itself does not count, it is not "before" it.
 * - A person without an e-mail address, kept because the noEmail exclusion is switched off, is a
 *   member with e-mail "" (the frozen panel stores text, never null).
 */

export interface FactBody {
  id: number;
  name: string;
  abbreviation: string | null;
  kind: BodyKind;
  level: BodyLevel;
  /** the subregions the body spans (decision 038); none: the whole region */
  subregionIds: readonly number[];
  themeId: number | null;
  /** the plans whose team body this is, with their funding markers */
  plans: { id: number; funding: readonly FundingStatus[] }[];
}

export interface FactSeat {
  id: number;
  bodyId: number;
  personId: number;
  role: SeatRole;
  organisationId: number | null;
  startDate: string;
  endDate: string | null;
}

export interface FactPerson {
  id: number;
  firstName: string | null;
  infix: string | null;
  lastName: string;
  salutation: string | null;
  language: Language;
  archived: boolean;
  /** the primary address, else any address; null when the person has none or it bounced */
  email: string | null;
  /** the newest research consent record's status; null when never asked */
  researchConsent: ConsentStatus | null;
}

export interface FactAffiliation {
  id: number;
  personId: number;
  organisationId: number;
  startDate: string | null;
  endDate: string | null;
}

export interface FactOrganisation {
  id: number;
  name: string;
  shortName: string | null;
  sectorId: number;
  sectorCode: string;
  sectorName: string;
  /** names of the organisation's subregions */
  subregions: string[];
}

/** Present (aanwezig) at a held meeting of a body. */
export interface FactPresence {
  personId: number;
  bodyId: number;
  meetingId: number;
  date: string;
}

export interface PanelFacts {
  bodies: FactBody[];
  seats: FactSeat[];
  people: FactPerson[];
  affiliations: FactAffiliation[];
  organisations: FactOrganisation[];
  presences: FactPresence[];
}

/** Exclusion steps in the order they are applied; the order decides which step "emptied" a panel. */
const EXCLUSION_STEPS = [
  { reason: "research_opt_out", switch: "researchOptOut" },
  { reason: "no_email", switch: "noEmail" },
  { reason: "no_active_affiliation", switch: "noActiveAffiliation" },
  { reason: "manual", switch: "manual" },
] as const satisfies readonly { reason: ExclusionReason; switch: keyof PanelRules["exclude"] }[];

/** ISO day `months` months before `day`, clamped to the end of a shorter month (31 March − 1 month = 28/29 February). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) - months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, lastDay), 2)}`;
}

/** The days whose meetings count for `minAttendance`: from `from` (inclusive) to `until` (exclusive, the reference date). */
export function attendanceWindow(referenceDate: string, months: number): { from: string; until: string } {
  return { from: monthsBefore(referenceDate, months), until: referenceDate };
}

const levelRank = (level: BodyLevel) => BODY_LEVELS.indexOf(level);
const roleRank = (role: SeatRole) => SEAT_ROLES.indexOf(role);

function seatMatches(rule: SeatRule, seat: FactSeat, body: FactBody): boolean {
  const within = <T>(list: readonly T[], value: T) => list.length === 0 || list.includes(value);
  return (
    within(rule.bodyIds, body.id) &&
    within(rule.bodyKinds, body.kind) &&
    within(rule.levels, body.level) &&
    within(rule.roles, seat.role) &&
    (rule.subregionIds.length === 0 || body.subregionIds.some((id) => rule.subregionIds.includes(id))) &&
    (rule.themeIds.length === 0 || (body.themeId !== null && rule.themeIds.includes(body.themeId))) &&
    (rule.planIds.length === 0 || body.plans.some((plan) => rule.planIds.includes(plan.id))) &&
    (rule.planFunding.length === 0 ||
      body.plans.some((plan) => plan.funding.some((marker) => rule.planFunding.includes(marker))))
  );
}

interface Candidate {
  person: FactPerson;
  seatReasons: { reason: Extract<PanelReason, { rule: "seat" }>; seat: FactSeat; body: FactBody }[];
  organisationReasons: { reason: Extract<PanelReason, { rule: "organisation" }>; affiliation: FactAffiliation }[];
}

export function drawFromFacts(facts: PanelFacts, rules: PanelRules, referenceDate: string): DrawnPanel {
  const people = new Map(facts.people.filter((p) => !p.archived).map((p) => [p.id, p]));
  const bodies = new Map(facts.bodies.map((b) => [b.id, b]));
  const organisations = new Map(facts.organisations.map((o) => [o.id, o]));
  const activeSeats = facts.seats.filter(
    (s) =>
      people.has(s.personId) &&
      bodies.has(s.bodyId) &&
      isActiveOn({ start_date: s.startDate, end_date: s.endDate }, referenceDate),
  );
  const activeJobs = facts.affiliations
    .filter(
      (a) => people.has(a.personId) && isActiveOn({ start_date: a.startDate, end_date: a.endDate }, referenceDate),
    )
    .sort((a, b) => (a.startDate ?? "").localeCompare(b.startDate ?? "") || a.id - b.id);

  const candidates = new Map<number, Candidate>();
  const candidate = (personId: number) => {
    let found = candidates.get(personId);
    if (!found) {
      found = { person: people.get(personId)!, seatReasons: [], organisationReasons: [] };
      candidates.set(personId, found);
    }
    return found;
  };

  rules.seatRules.forEach((rule, ruleIndex) => {
    const presentAt = rule.minAttendance
      ? presenceCounter(facts.presences, attendanceWindow(referenceDate, rule.minAttendance.months))
      : null;
    for (const seat of activeSeats) {
      const body = bodies.get(seat.bodyId)!;
      if (!seatMatches(rule, seat, body)) continue;
      if (rule.minAttendance && presentAt!(seat.personId, body.id) < rule.minAttendance.meetings) continue;
      candidate(seat.personId).seatReasons.push({
        reason: {
          rule: "seat",
          ruleIndex,
          seatId: seat.id,
          bodyId: body.id,
          bodyName: body.name,
          role: seat.role,
          level: body.level,
        },
        seat,
        body,
      });
    }
  });

  rules.organisationRules.forEach((rule, ruleIndex) => {
    for (const job of activeJobs) {
      const organisation = organisations.get(job.organisationId);
      if (!organisation || !rule.sectorIds.includes(organisation.sectorId)) continue;
      const found = candidate(job.personId);
      if (
        found.organisationReasons.some(
          (r) => r.reason.ruleIndex === ruleIndex && r.reason.organisationId === organisation.id,
        )
      )
        continue;
      found.organisationReasons.push({
        reason: {
          rule: "organisation",
          ruleIndex,
          organisationId: organisation.id,
          organisationName: organisation.name,
        },
        affiliation: job,
      });
    }
  });

  const jobsOf = new Map<number, FactAffiliation[]>();
  for (const job of activeJobs) jobsOf.set(job.personId, [...(jobsOf.get(job.personId) ?? []), job]);
  const manualNotes = new Map<number, string>();
  for (const exclusion of rules.exclude.manual)
    if (!manualNotes.has(exclusion.personId)) manualNotes.set(exclusion.personId, exclusion.reason);

  const applies: Record<ExclusionReason, (person: FactPerson) => boolean> = {
    research_opt_out: (person) => person.researchConsent === "withdrawn",
    no_email: (person) => !person.email?.trim(),
    no_active_affiliation: (person) => (jobsOf.get(person.id) ?? []).length === 0,
    manual: (person) => manualNotes.has(person.id),
  };
  const switchedOn = EXCLUSION_STEPS.filter((step) =>
    step.switch === "manual" ? rules.exclude.manual.length > 0 : rules.exclude[step.switch],
  );

  const members: DrawnMember[] = [];
  const excluded: DrawnExclusion[] = [];
  const exclusionReasonsOf = new Map<number, ExclusionReason[]>();
  for (const found of candidates.values()) {
    const { person } = found;
    const reasons = orderedReasons(found);
    const exclusionReasons = switchedOn.filter((step) => applies[step.reason](person)).map((step) => step.reason);
    if (exclusionReasons.length > 0) {
      exclusionReasonsOf.set(person.id, exclusionReasons);
      excluded.push({
        personId: person.id,
        firstName: person.firstName,
        infix: person.infix,
        lastName: person.lastName,
        reasons: exclusionReasons,
        note: manualNotes.get(person.id) ?? null,
        qualifiedBy: reasons,
      });
      continue;
    }
    members.push({
      personId: person.id,
      firstName: person.firstName,
      infix: person.infix,
      lastName: person.lastName,
      salutation: person.salutation,
      email: person.email?.trim() ?? "",
      language: person.language,
      attributes: attributesOf(found, jobsOf.get(person.id) ?? [], organisations),
      reasons,
    });
  }

  const byName = <T extends { firstName: string | null; infix: string | null; lastName: string; personId: number }>(
    items: T[],
  ) =>
    sortedByDutchName(
      items,
      (item) => ({ first_name: item.firstName, infix: item.infix, last_name: item.lastName }),
      (a, b) => a.personId - b.personId,
    );

  return {
    referenceDate,
    rules,
    members: byName(members),
    excluded: byName(excluded),
    emptiedBy: members.length > 0 ? null : emptiedBy(rules, [...candidates.keys()], exclusionReasonsOf),
  };
}

/** Counts, per person and body, the distinct meetings in the window at which the person was present. */
function presenceCounter(presences: readonly FactPresence[], window: { from: string; until: string }) {
  const meetings = new Map<string, Set<number>>();
  for (const p of presences) {
    if (p.date < window.from || p.date >= window.until) continue;
    const key = `${p.personId}:${p.bodyId}`;
    meetings.set(key, (meetings.get(key) ?? new Set()).add(p.meetingId));
  }
  return (personId: number, bodyId: number) => meetings.get(`${personId}:${bodyId}`)?.size ?? 0;
}

/** Seat reasons first (by rule, then seat), then organisation reasons (by rule, then organisation). */
function orderedReasons(found: Candidate): PanelReason[] {
  const seats = found.seatReasons.map((r) => r.reason).sort((a, b) => a.ruleIndex - b.ruleIndex || a.seatId - b.seatId);
  const jobs = found.organisationReasons
    .map((r) => r.reason)
    .sort((a, b) => a.ruleIndex - b.ruleIndex || a.organisationId - b.organisationId);
  return [...seats, ...jobs];
}

/** Highest level first, then the role order of the register, then the oldest seat. */
function bySeatWeight(a: { seat: FactSeat; body: FactBody }, b: { seat: FactSeat; body: FactBody }) {
  return (
    levelRank(a.body.level) - levelRank(b.body.level) ||
    roleRank(a.seat.role) - roleRank(b.seat.role) ||
    a.seat.id - b.seat.id
  );
}

/**
 * The organisation a member speaks for: that of their weightiest qualifying seat which names one;
 * else the job through which an organisation rule took them in; else their first active job
 * (earliest start). Seats without an organisation are skipped rather than leaving the member without one.
 */
function attributesOf(
  found: Candidate,
  jobs: readonly FactAffiliation[],
  organisations: Map<number, FactOrganisation>,
): PanelAttributes {
  const seats = [...new Map(found.seatReasons.map((r) => [r.seat.id, r])).values()].sort(bySeatWeight);
  const organisationId =
    seats.find((r) => r.seat.organisationId !== null && organisations.has(r.seat.organisationId))?.seat
      .organisationId ??
    found.organisationReasons[0]?.affiliation.organisationId ??
    jobs.find((job) => organisations.has(job.organisationId))?.organisationId ??
    null;
  const organisation = organisationId === null ? undefined : organisations.get(organisationId);
  return {
    organisationId: organisation?.id ?? null,
    organisationName: organisation?.name ?? null,
    organisationShortName: organisation?.shortName ?? null,
    sectorCode: organisation?.sectorCode ?? null,
    sectorName: organisation?.sectorName ?? null,
    subregions: organisation ? [...organisation.subregions].sort((a, b) => compareDutch(a, b)) : [],
    level: seats[0]?.body.level ?? null,
    bodies: seats.map(({ body, seat }) => ({
      id: body.id,
      name: body.name,
      abbreviation: body.abbreviation,
      level: body.level,
      role: seat.role,
    })),
    roles: SEAT_ROLES.filter((role) => seats.some((r) => r.seat.role === role)),
  };
}

function emptiedBy(
  rules: PanelRules,
  qualified: number[],
  exclusionReasonsOf: Map<number, ExclusionReason[]>,
): DrawnPanel["emptiedBy"] {
  if (rules.seatRules.length === 0 && rules.organisationRules.length === 0) return { step: "noRules" };
  if (qualified.length === 0) {
    // nobody qualifies, so every rule matches nobody: name the first
    return rules.seatRules.length > 0 ? { step: "seatRule", index: 0 } : { step: "organisationRule", index: 0 };
  }
  // apply the exclusions one step at a time: the step after which nobody is left emptied the set
  let remaining = qualified;
  for (const step of EXCLUSION_STEPS) {
    const left = remaining.filter((id) => !exclusionReasonsOf.get(id)?.includes(step.reason));
    if (left.length === 0) return { step: "exclusion", reason: step.reason };
    remaining = left;
  }
  return null;
}

/** The message key that says why a panel is empty (`waves.errors.emptiedBy…`), with the rule's number. */
export function emptiedByMessage(emptied: NonNullable<DrawnPanel["emptiedBy"]>): Message {
  switch (emptied.step) {
    case "noRules":
      return "waves.errors.emptyPanel.noRules";
    case "seatRule":
      return messageKey("waves.errors.emptyPanel.seatRule", { number: emptied.index + 1 });
    case "organisationRule":
      return messageKey("waves.errors.emptyPanel.organisationRule", { number: emptied.index + 1 });
    case "exclusion":
      return `waves.errors.emptyPanel.exclusion.${emptied.reason}` as const;
  }
}

/* ---------- strata and comparison: the preview, the frozen counts and the wave comparison ---------- */

/** What strata and comparisons need of a member; frozen panel rows parse into this too. */
export interface StratifiedMember {
  personId: number;
  attributes: PanelAttributes;
}

/**
 * A member's stratum: level × sector × subregion. An organisation in several subregions forms its
 * own stratum ("A, B"), so that every member is in exactly one stratum and the strata add up to the total.
 */
export interface Stratum {
  level: BodyLevel | null;
  sectorCode: string | null;
  sectorName: string | null;
  subregion: string | null;
}

export interface PanelStrata {
  total: number;
  strata: (Stratum & { count: number })[];
  /** members per body: a member with two seats in one body counts once there */
  bodies: { bodyId: number; name: string; abbreviation: string | null; level: BodyLevel; count: number }[];
}

export function stratumOf(attributes: PanelAttributes): Stratum {
  return {
    level: attributes.level,
    sectorCode: attributes.sectorCode,
    sectorName: attributes.sectorName,
    subregion:
      attributes.subregions.length > 0
        ? [...attributes.subregions].sort((a, b) => compareDutch(a, b)).join(", ")
        : null,
  };
}

export const stratumKey = (s: Stratum) => JSON.stringify([s.level, s.sectorCode, s.subregion]);

/** Strata in a stable order: level (strategisch first, none last), sector code, subregion (none last). */
export function compareStrata(a: Stratum, b: Stratum) {
  const rank = (level: BodyLevel | null) => (level === null ? BODY_LEVELS.length : levelRank(level));
  const text = (value: string | null) => value ?? "\uffff";
  return (
    rank(a.level) - rank(b.level) ||
    text(a.sectorCode).localeCompare(text(b.sectorCode)) ||
    compareDutch(text(a.subregion), text(b.subregion))
  );
}

export function panelStrata(members: readonly StratifiedMember[]): PanelStrata {
  const strata = new Map<string, Stratum & { count: number }>();
  const bodies = new Map<number, PanelStrata["bodies"][number]>();
  for (const { attributes } of members) {
    const stratum = stratumOf(attributes);
    const key = stratumKey(stratum);
    const entry = strata.get(key) ?? { ...stratum, count: 0 };
    entry.count += 1;
    strata.set(key, entry);
    for (const bodyId of new Set(attributes.bodies.map((b) => b.id))) {
      const body = attributes.bodies.find((b) => b.id === bodyId)!;
      const counted = bodies.get(bodyId) ?? {
        bodyId,
        name: body.name,
        abbreviation: body.abbreviation,
        level: body.level,
        count: 0,
      };
      counted.count += 1;
      bodies.set(bodyId, counted);
    }
  }
  return {
    total: members.length,
    strata: [...strata.values()].sort(compareStrata),
    bodies: [...bodies.values()].sort(
      (a, b) => levelRank(a.level) - levelRank(b.level) || compareDutch(a.name, b.name) || a.bodyId - b.bodyId,
    ),
  };
}

export interface PanelComparison {
  /** person ids in the current panel only */
  joined: number[];
  /** person ids in the previous panel only */
  left: number[];
  /** person ids in both */
  stayed: number[];
  /** per stratum: joined and stayed by their current attributes, left by their previous ones */
  strata: (Stratum & { joined: number; left: number; stayed: number })[];
}

export function comparePanels(
  previous: readonly StratifiedMember[],
  current: readonly StratifiedMember[],
): PanelComparison {
  const before = new Map(previous.map((m) => [m.personId, m]));
  const now = new Map(current.map((m) => [m.personId, m]));
  const strata = new Map<string, PanelComparison["strata"][number]>();
  const count = (member: StratifiedMember, field: "joined" | "left" | "stayed") => {
    const stratum = stratumOf(member.attributes);
    const key = stratumKey(stratum);
    const entry = strata.get(key) ?? { ...stratum, joined: 0, left: 0, stayed: 0 };
    entry[field] += 1;
    strata.set(key, entry);
  };
  const joined: number[] = [];
  const stayed: number[] = [];
  const left: number[] = [];
  for (const member of now.values()) {
    const field = before.has(member.personId) ? "stayed" : "joined";
    (field === "stayed" ? stayed : joined).push(member.personId);
    count(member, field);
  }
  for (const member of before.values()) {
    if (now.has(member.personId)) continue;
    left.push(member.personId);
    count(member, "left");
  }
  const ascending = (a: number, b: number) => a - b;
  return {
    joined: joined.sort(ascending),
    left: left.sort(ascending),
    stayed: stayed.sort(ascending),
    strata: [...strata.values()].sort(compareStrata),
  };
}
