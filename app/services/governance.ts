import { z } from "zod";
import { DECISION_MODES, FUNDING_STATUSES, type Language } from "../../db/schema";
import { choice, messageKey, optionalInt } from "./form-data";

/**
 * The governance fields the sources describe (decisions 038 and 039), as form rules shared by the
 * browser and the actions, and the few words and figures the pages make of them.
 */

export const WEEKS_IN_YEAR = 52;

/** A meeting interval in weeks, both bounds or neither: "every 2–4 weeks". */
export const intervalFields = {
  meeting_interval_min_weeks: optionalInt(1, WEEKS_IN_YEAR),
  meeting_interval_max_weeks: optionalInt(1, WEEKS_IN_YEAR),
};

/** Both bounds or neither, the smaller first; the message goes on the field to correct. */
export function intervalRule(
  data: { meeting_interval_min_weeks?: number | null; meeting_interval_max_weeks?: number | null },
  context: z.RefinementCtx,
) {
  const fewest = data.meeting_interval_min_weeks ?? null;
  const most = data.meeting_interval_max_weeks ?? null;
  if ((fewest === null) !== (most === null)) {
    context.addIssue({
      code: "custom",
      path: [fewest === null ? "meeting_interval_min_weeks" : "meeting_interval_max_weeks"],
      message: messageKey("governance.errors.intervalIncomplete"),
    });
  } else if (fewest !== null && most !== null && fewest > most) {
    context.addIssue({
      code: "custom",
      path: ["meeting_interval_max_weeks"],
      message: messageKey("governance.errors.intervalReversed"),
    });
  }
}

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null));

export const decisionModeField = z.preprocess(blankToNull, choice(DECISION_MODES).nullable());

/** The funding markers ticked in a plan form: at least one, each a known marker. */
export const fundingMarkersField = z.preprocess(
  (value) =>
    value === undefined || value === null || value === false || value === ""
      ? []
      : Array.isArray(value)
        ? (value as unknown[])
        : [value],
  z
    .array(choice(FUNDING_STATUSES))
    .min(1, messageKey("governance.errors.fundingRequired"))
    .transform((markers) => FUNDING_STATUSES.filter((marker) => markers.includes(marker))),
);

export interface MeetingRhythm {
  meetings_per_year: number | null;
  meeting_interval_min_weeks: number | null;
  meeting_interval_max_weeks: number | null;
}

/** The interval as the page words it: every N to M weeks, every N weeks, every week; null when none is stated. */
export type IntervalPhrase =
  { kind: "range"; min: number; max: number } | { kind: "every"; weeks: number } | { kind: "weekly" };

export function intervalPhrase(
  body: Pick<MeetingRhythm, "meeting_interval_min_weeks" | "meeting_interval_max_weeks">,
): IntervalPhrase | null {
  const { meeting_interval_min_weeks: fewest, meeting_interval_max_weeks: most } = body;
  if (fewest === null || most === null) return null;
  if (fewest !== most) return { kind: "range", min: fewest, max: most };
  return fewest === 1 ? { kind: "weekly" } : { kind: "every", weeks: fewest };
}

/** How many meetings a year a body intends: a number, or a range worked out from its interval. */
export type Intended = { min: number; max: number } | null;

/**
 * The yearly number when the body states one (it is the plan the network made); otherwise the range
 * its interval in weeks gives over 52 weeks, the longest interval giving the fewest meetings.
 */
export function intendedPerYear(body: MeetingRhythm): Intended {
  if (body.meetings_per_year !== null) return { min: body.meetings_per_year, max: body.meetings_per_year };
  const { meeting_interval_min_weeks: fewest, meeting_interval_max_weeks: most } = body;
  if (fewest === null || most === null) return null;
  return { min: Math.floor(WEEKS_IN_YEAR / most), max: Math.floor(WEEKS_IN_YEAR / fewest) };
}

/** The achterban a seat represents, as it reads after "namens": "Welzijn, Noord", or one of the two. */
export function constituencyWhat(sector: string | null, subregion: string | null): string | null {
  const parts = [sector, subregion].filter((part): part is string => part !== null && part !== "");
  return parts.length === 0 ? null : parts.join(", ");
}

/** The sectors and subregions a seat form offers as an achterban. */
export interface ConstituencyChoices {
  sectors: { id: number; name_nl: string; name_en: string }[];
  subregions: { id: number; name: string }[];
}

/** An achterban's names as a query gives them; all null when the seat has none. */
export interface ConstituencyNames {
  constituency_sector_nl: string | null;
  constituency_sector_en: string | null;
  constituency_subregion_name: string | null;
}

/** The achterban in the reader's language ("Welzijn, Noord"), or null for a seat without one. */
export function constituencyIn(names: ConstituencyNames, language: Language): string | null {
  const sector = language === "en" ? names.constituency_sector_en : names.constituency_sector_nl;
  return constituencyWhat(sector, names.constituency_subregion_name);
}
