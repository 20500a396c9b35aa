import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BODY_KINDS, BODY_LEVELS, DECISION_MODES, type Language } from "../../db/schema";
import { formatDay, formatMoment } from "../i18n/format";
import {
  choice,
  type ConcurrentChange,
  FIELD_MESSAGES,
  idList,
  optionalId,
  optionalInt,
  optionalIsoDay,
  optionalText,
  periodRule,
  positiveInt,
  requiredText,
} from "../services/form-data";
import { decisionModeField, intervalFields, intervalRule } from "../services/governance";
import { DecisionModeField, FrequencyFields, SubregionChoices } from "./bodies/governance-fields";
import { SelectField, TextAreaField, TextField } from "./form";
import { useInChosenRegion } from "./regions/region-field";

/**
 * The body (gremium) form, shared by "new body" and "edit body": one schema for browser and
 * server, the fields, and how the fields read in the notice of a conflicting save.
 */

/** A select that starts on "— kies —": empty is "fill this in", anything else must be one of the values. */
function requiredChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string({ error: FIELD_MESSAGES.required }).min(1, FIELD_MESSAGES.required).pipe(choice(values));
}

const bodyFields = {
  name: requiredText(200),
  abbreviation: optionalText(30),
  kind: requiredChoice(BODY_KINDS),
  level: requiredChoice(BODY_LEVELS),
  parent_id: optionalId(),
  subregion_ids: idList(),
  theme_id: optionalId(),
  description: optionalText(2000),
  active_from: optionalIsoDay(),
  active_to: optionalIsoDay(),
  meetings_per_year: optionalInt(0, 365),
  ...intervalFields,
  decision_mode: decisionModeField,
};

export const createBodySchema = z
  .object(bodyFields)
  .superRefine(periodRule("active_from", "active_to"))
  .superRefine(intervalRule);

export const saveBodySchema = z
  .object({ intent: z.literal("save"), version: positiveInt(), ...bodyFields })
  .superRefine(periodRule("active_from", "active_to"))
  .superRefine(intervalRule);

export interface BodyFormOptions {
  parents: readonly { id: number; name: string; region_id: number }[];
  subregions: readonly { id: number; name: string; region_id: number }[];
  themes: readonly { id: number; name: string; region_id: number }[];
}

/** A stored body as the form's starting values. */
export function bodyFormValues(body: {
  name: string;
  abbreviation: string | null;
  kind: string;
  level: string;
  parent_id: number | null;
  subregion_ids: readonly number[];
  theme_id: number | null;
  description: string | null;
  active_from: string | null;
  active_to: string | null;
  meetings_per_year: number | null;
  meeting_interval_min_weeks: number | null;
  meeting_interval_max_weeks: number | null;
  decision_mode: string | null;
}) {
  return {
    name: body.name,
    abbreviation: body.abbreviation ?? "",
    kind: body.kind,
    level: body.level,
    parent_id: body.parent_id === null ? "" : String(body.parent_id),
    subregion_ids: body.subregion_ids.map(String) as unknown as string,
    theme_id: body.theme_id === null ? "" : String(body.theme_id),
    description: body.description ?? "",
    active_from: body.active_from ?? "",
    active_to: body.active_to ?? "",
    meetings_per_year: body.meetings_per_year === null ? "" : String(body.meetings_per_year),
    meeting_interval_min_weeks: body.meeting_interval_min_weeks === null ? "" : String(body.meeting_interval_min_weeks),
    meeting_interval_max_weeks: body.meeting_interval_max_weeks === null ? "" : String(body.meeting_interval_max_weeks),
    decision_mode: body.decision_mode ?? "",
  };
}

export function bodyFieldLabels(t: TFunction): Record<string, string> {
  return {
    name: t("bodies.fields.name"),
    abbreviation: t("bodies.fields.abbreviation"),
    kind: t("bodies.fields.kind"),
    level: t("bodies.fields.level"),
    parent_id: t("bodies.fields.parent"),
    subregion_ids: t("governance.subregions.legend"),
    theme_id: t("bodies.fields.theme"),
    description: t("bodies.fields.description"),
    active_from: t("bodies.fields.activeFrom"),
    active_to: t("bodies.fields.activeTo"),
    meetings_per_year: t("bodies.fields.meetingsPerYear"),
    meeting_interval_min_weeks: t("governance.frequency.min"),
    meeting_interval_max_weeks: t("governance.frequency.max"),
    decision_mode: t("governance.decision.label"),
    archived_at: t("bodies.fields.archivedAt"),
  };
}

/** What others changed, with names instead of ids and the words of the page instead of codes. */
export function readableBodyConflict(
  changes: readonly ConcurrentChange[] | undefined,
  options: BodyFormOptions & { allBodies: readonly { id: number; name: string }[] },
  t: TFunction,
  language: Language,
): ConcurrentChange[] | undefined {
  const nameIn = (list: readonly { id: number; name: string }[], value: string) =>
    list.find((item) => String(item.id) === value)?.name ?? value;
  const readable = (field: string, value: string | null): string | null => {
    if (value === null) return null;
    switch (field) {
      case "kind":
        return (BODY_KINDS as readonly string[]).includes(value)
          ? t(`register.bodyKinds.${value as (typeof BODY_KINDS)[number]}`)
          : value;
      case "level":
        return (BODY_LEVELS as readonly string[]).includes(value)
          ? t(`register.levels.${value as (typeof BODY_LEVELS)[number]}`)
          : value;
      case "parent_id":
        return nameIn(options.allBodies, value);
      case "subregion_ids":
        return value
          .split(", ")
          .map((id) => nameIn(options.subregions, id))
          .join(", ");
      case "decision_mode":
        return (DECISION_MODES as readonly string[]).includes(value)
          ? t(`governance.decision.modes.${value as (typeof DECISION_MODES)[number]}`)
          : value;
      case "theme_id":
        return nameIn(options.themes, value);
      case "active_from":
      case "active_to":
        return formatDay(value, language);
      case "archived_at":
        return formatMoment(value, language);
      default:
        return value;
    }
  };
  return changes?.map((change) => ({
    ...change,
    fields: change.fields.map((f) => ({
      field: f.field,
      before: readable(f.field, f.before),
      after: readable(f.field, f.after),
    })),
  }));
}

/** The fields of the body form (inside a ValidatedForm with one of the schemas above). */
export function BodyFormFields({ options }: { options: BodyFormOptions }) {
  const { t } = useTranslation();
  const inRegion = useInChosenRegion();
  const choose = { value: "", label: t("common.form.choose") };
  const none = { value: "", label: t("common.form.none") };
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label={t("bodies.fields.name")} required className="sm:col-span-2" />
        <TextField name="abbreviation" label={t("bodies.fields.abbreviation")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("bodies.fields.kind")}
          required
          options={[choose, ...BODY_KINDS.map((kind) => ({ value: kind, label: t(`register.bodyKinds.${kind}`) }))]}
        />
        <SelectField
          name="level"
          label={t("bodies.fields.level")}
          required
          options={[choose, ...BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))]}
        />
        <SelectField
          name="parent_id"
          label={t("bodies.fields.parent")}
          options={[none, ...options.parents.filter(inRegion).map((b) => ({ value: String(b.id), label: b.name }))]}
        />
        <SelectField
          name="theme_id"
          label={t("bodies.fields.theme")}
          options={[
            none,
            ...options.themes.filter(inRegion).map((theme) => ({ value: String(theme.id), label: theme.name })),
          ]}
        />
        <TextField name="meetings_per_year" type="number" label={t("bodies.fields.meetingsPerYear")} />
        <DecisionModeField />
        <TextField name="active_from" type="date" label={t("bodies.fields.activeFrom")} />
        <TextField
          name="active_to"
          type="date"
          label={t("bodies.fields.activeTo")}
          hint={t("bodies.fields.activeToHint")}
        />
      </div>
      <FrequencyFields />
      <SubregionChoices subregions={options.subregions.filter(inRegion)} hint={t("governance.subregions.bodyHint")} />
      <TextAreaField name="description" label={t("bodies.fields.description")} />
    </>
  );
}
