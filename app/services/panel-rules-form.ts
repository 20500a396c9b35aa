import { z } from "zod";
import { BODY_KINDS, BODY_LEVELS, type BodyLevel, FUNDING_STATUSES, SEAT_ROLES } from "../../db/schema";
import { FIELD_MESSAGES, type FormMessages, messageKey, type SubmittedValues } from "./form-data";
import { type ManualExclusion, type PanelRules, type SeatRule } from "./panel-rules-schema";
import type { Message } from "../i18n/keys";

/**
 * The rules form's fields ↔ PanelRules. The form is flat (a plain POST has no nesting): seat rule n
 * has fields `s<n>_<list>`, its bodies split per level (`s<n>_bodies_<level>`) so they can be shown
 * grouped; the organisation rule is `o_sectors`; the exclusions `ex_*`, and manual exclusion i is
 * `m<i>_personId` + `m<i>_reason`. `seatRuleCount` and `manualCount` say how many there are, so
 * adding and removing works without JavaScript by re-rendering the form with shifted fields.
 */

/** What a form sends: a plain POST gives strings and lists, react-hook-form also booleans. */
export type RulesFormValues = Record<string, string | string[] | boolean | undefined | null>;

const SEAT_LISTS = ["kinds", "levels", "subregions", "themes", "plans", "funding", "roles"] as const;
const SEAT_FIELDS = [
  ...SEAT_LISTS,
  ...BODY_LEVELS.map((level) => `bodies_${level}` as const),
  "minMeetings",
  "minMonths",
] as const;
const MANUAL_FIELDS = ["personId", "reason"] as const;

export const EXCLUSION_FIELDS = {
  researchOptOut: "ex_researchOptOut",
  noEmail: "ex_noEmail",
  noActiveAffiliation: "ex_noActiveAffiliation",
} as const;

export const seatField = (index: number, field: (typeof SEAT_FIELDS)[number]) => `s${index}_${field}`;
export const manualField = (index: number, field: (typeof MANUAL_FIELDS)[number]) => `m${index}_${field}`;

function list(value: RulesFormValues[string]): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === "string" && value !== "" ? [value] : [];
}

const text = (value: RulesFormValues[string]) => (typeof value === "string" ? value.trim() : "");
const ticked = (value: RulesFormValues[string]) => value === true || value === "on" || value === "true";

function count(values: RulesFormValues, name: "seatRuleCount" | "manualCount"): number {
  const n = Number(text(values[name]));
  return Number.isInteger(n) && n >= 0 && n <= 50 ? n : 0;
}

export const seatRuleCount = (values: RulesFormValues) => count(values, "seatRuleCount");
export const manualCount = (values: RulesFormValues) => count(values, "manualCount");

/** The form's starting values for stored rules; `levelOf` places each chosen body in its level's group. */
export function rulesToFormValues(
  rules: PanelRules,
  levelOf: (bodyId: number) => BodyLevel | undefined,
): Record<string, string | string[] | boolean> {
  const values: Record<string, string | string[] | boolean> = {
    seatRuleCount: String(rules.seatRules.length),
    manualCount: String(rules.exclude.manual.length),
    o_sectors: rules.organisationRules.flatMap((rule) => rule.sectorIds).map(String),
    [EXCLUSION_FIELDS.researchOptOut]: rules.exclude.researchOptOut,
    [EXCLUSION_FIELDS.noEmail]: rules.exclude.noEmail,
    [EXCLUSION_FIELDS.noActiveAffiliation]: rules.exclude.noActiveAffiliation,
  };
  rules.seatRules.forEach((rule, n) => {
    for (const level of BODY_LEVELS) {
      values[seatField(n, `bodies_${level}`)] = rule.bodyIds
        .filter((id) => (levelOf(id) ?? "operationeel") === level)
        .map(String);
    }
    values[seatField(n, "kinds")] = [...rule.bodyKinds];
    values[seatField(n, "levels")] = [...rule.levels];
    values[seatField(n, "subregions")] = rule.subregionIds.map(String);
    values[seatField(n, "themes")] = rule.themeIds.map(String);
    values[seatField(n, "plans")] = rule.planIds.map(String);
    values[seatField(n, "funding")] = [...rule.planFunding];
    values[seatField(n, "roles")] = [...rule.roles];
    values[seatField(n, "minMeetings")] = rule.minAttendance ? String(rule.minAttendance.meetings) : "";
    values[seatField(n, "minMonths")] = rule.minAttendance ? String(rule.minAttendance.months) : "";
  });
  rules.exclude.manual.forEach((exclusion, i) => {
    values[manualField(i, "personId")] = String(exclusion.personId);
    values[manualField(i, "reason")] = exclusion.reason;
  });
  return values;
}

export type RulesFromForm = { ok: true; rules: PanelRules } | { ok: false; errors: FormMessages };

/** The rules a submission describes, or per field what is wrong with it. */
export function formValuesToRules(values: RulesFormValues): RulesFromForm {
  const errors: FormMessages = {};
  const ids = (name: string) => {
    const found = list(values[name]).map(Number);
    if (found.some((id) => !Number.isSafeInteger(id) || id <= 0)) errors[name] ??= FIELD_MESSAGES.invalid;
    return found.filter((id) => Number.isSafeInteger(id) && id > 0);
  };
  const choices = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const found = list(values[name]);
    if (found.some((value) => !(allowed as readonly string[]).includes(value))) errors[name] ??= FIELD_MESSAGES.invalid;
    return found.filter((value): value is T => (allowed as readonly string[]).includes(value));
  };
  const whole = (name: string, max: number, message: Message): number | null => {
    const typed = text(values[name]);
    if (typed === "") return null;
    const n = Number(typed);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      errors[name] ??= message;
      return null;
    }
    return n;
  };

  const seatRules: SeatRule[] = [];
  for (let n = 0; n < seatRuleCount(values); n++) {
    const meetingsField = seatField(n, "minMeetings");
    const monthsField = seatField(n, "minMonths");
    const meetings = whole(meetingsField, 100, messageKey("waves.errors.attendanceMeetings"));
    const months = whole(monthsField, 36, messageKey("waves.errors.attendanceMonths"));
    if ((meetings === null) !== (months === null) && !errors[meetingsField] && !errors[monthsField]) {
      errors[meetings === null ? meetingsField : monthsField] = "waves.errors.attendanceIncomplete";
    }
    seatRules.push({
      bodyIds: BODY_LEVELS.flatMap((level) => ids(seatField(n, `bodies_${level}`))),
      bodyKinds: choices(seatField(n, "kinds"), BODY_KINDS),
      levels: choices(seatField(n, "levels"), BODY_LEVELS),
      subregionIds: ids(seatField(n, "subregions")),
      themeIds: ids(seatField(n, "themes")),
      planIds: ids(seatField(n, "plans")),
      planFunding: choices(seatField(n, "funding"), FUNDING_STATUSES),
      roles: choices(seatField(n, "roles"), SEAT_ROLES),
      minAttendance: meetings !== null && months !== null ? { meetings, months } : null,
    });
  }

  const manual: ManualExclusion[] = [];
  for (let i = 0; i < manualCount(values); i++) {
    const [personId] = ids(manualField(i, "personId"));
    const reasonField = manualField(i, "reason");
    const reason = text(values[reasonField]);
    if (reason === "") errors[reasonField] = "waves.errors.manualReasonRequired";
    else if (reason.length > 500) errors[reasonField] = messageKey(FIELD_MESSAGES.tooLong, { max: 500 });
    if (personId === undefined) errors[manualField(i, "personId")] ??= FIELD_MESSAGES.invalid;
    else manual.push({ personId, reason });
  }

  const sectorIds = ids("o_sectors");
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    rules: {
      seatRules,
      organisationRules: sectorIds.length > 0 ? [{ sectorIds }] : [],
      exclude: {
        researchOptOut: ticked(values[EXCLUSION_FIELDS.researchOptOut]),
        noEmail: ticked(values[EXCLUSION_FIELDS.noEmail]),
        noActiveAffiliation: ticked(values[EXCLUSION_FIELDS.noActiveAffiliation]),
        manual,
      },
    },
  };
}

/** The rules form's schema (browser and action): any field names, checked by formValuesToRules. */
export const rulesFormSchema = z.looseObject({}).superRefine((values, context) => {
  const result = formValuesToRules(values as RulesFormValues);
  if (result.ok) return;
  for (const [name, message] of Object.entries(result.errors))
    context.addIssue({ code: "custom", path: [name], message });
});

/* Round trips that change the form's shape (they work without JavaScript): the values typed stay. */

const withoutPrefix = (values: SubmittedValues, prefix: RegExp) =>
  Object.fromEntries(Object.entries(values).filter(([name]) => !prefix.test(name)));

/** One more, empty seat rule at the end. */
export function addSeatRule(values: SubmittedValues): SubmittedValues {
  return { ...values, seatRuleCount: String(seatRuleCount(values) + 1) };
}

/** Drops rows `index` of a numbered group (`s<n>_` / `m<n>_`) and renumbers the ones after it. */
function removeRow(
  values: SubmittedValues,
  letter: "s" | "m",
  countField: "seatRuleCount" | "manualCount",
  index: number,
): SubmittedValues {
  const total = count(values, countField);
  if (index < 0 || index >= total) return values;
  const rows = new RegExp(`^${letter}(\\d+)_(.+)$`);
  const kept: SubmittedValues = withoutPrefix(values, rows);
  for (const [name, value] of Object.entries(values)) {
    const match = rows.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    if (n === index) continue;
    kept[`${letter}${n > index ? n - 1 : n}_${match[2]}`] = value;
  }
  return { ...kept, [countField]: String(total - 1) };
}

export const removeSeatRule = (values: SubmittedValues, index: number) =>
  removeRow(values, "s", "seatRuleCount", index);
export const removeManualExclusion = (values: SubmittedValues, index: number) =>
  removeRow(values, "m", "manualCount", index);

/** Adds a person to the manual exclusions (reason still to be typed); someone already there is not added twice. */
export function addManualExclusion(values: SubmittedValues, personId: number): SubmittedValues {
  const total = manualCount(values);
  for (let i = 0; i < total; i++) if (values[manualField(i, "personId")] === String(personId)) return values;
  return {
    ...values,
    [manualField(total, "personId")]: String(personId),
    [manualField(total, "reason")]: "",
    manualCount: String(total + 1),
  };
}
