/**
 * A person's working life in the network as one timeline: the jobs (affiliations) and the seats in
 * bodies, each turned into dated events (a start, an end) and merged, newest first. A reader sees
 * "moved from Envida to Zuyderland, and the seat in the BAT moved along" as neighbouring lines.
 */
import type { ConstituencyNames } from "./governance";
import type { Period } from "./periods";

export interface TimelineAffiliation extends Period {
  id: number;
  organisation_id: number;
  organisation_name: string;
  function_title: string | null;
}

export interface TimelineSeat extends Period, ConstituencyNames {
  id: number;
  role: string;
  body_id: number;
  body_name: string;
  organisation_id: number | null;
  organisation_name: string | null;
}

/**
 * One line of the timeline. `day` is the first day (start) or the last day (end, inclusive) in the
 * job or seat; null for a start nobody recorded, which the timeline puts at the bottom.
 */
export type TimelineEvent =
  | { day: string | null; kind: "start" | "end"; type: "affiliation"; item: TimelineAffiliation }
  | { day: string | null; kind: "start" | "end"; type: "seat"; item: TimelineSeat };

/** On one day a departure reads above an arrival (newest first: the end is that day's evening). */
const KIND_ORDER = { end: 0, start: 1 } as const;
/** A job explains a seat "on behalf of" it, so on the same day and kind the job comes first. */
const TYPE_ORDER = { affiliation: 0, seat: 1 } as const;

function affiliationEvents(item: TimelineAffiliation): TimelineEvent[] {
  // an unknown start is still a start: the job began at some time before its end
  const start: TimelineEvent = { day: item.start_date, kind: "start", type: "affiliation", item };
  return item.end_date ? [start, { day: item.end_date, kind: "end", type: "affiliation", item }] : [start];
}

function seatEvents(item: TimelineSeat): TimelineEvent[] {
  const start: TimelineEvent = { day: item.start_date, kind: "start", type: "seat", item };
  return item.end_date ? [start, { day: item.end_date, kind: "end", type: "seat", item }] : [start];
}

function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.day !== b.day) {
    if (a.day === null) return 1;
    if (b.day === null) return -1;
    return a.day < b.day ? 1 : -1;
  }
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || b.item.id - a.item.id;
}

/** Every start and end of the person's jobs and seats, newest first; undated starts last. */
export function personTimeline(
  affiliations: readonly TimelineAffiliation[],
  seats: readonly TimelineSeat[],
): TimelineEvent[] {
  return [...affiliations.flatMap(affiliationEvents), ...seats.flatMap(seatEvents)].sort(compareEvents);
}
