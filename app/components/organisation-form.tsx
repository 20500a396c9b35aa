import { displayValue } from "../services/audit-diff";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { formatMoment } from "../i18n/format";
import type { ConcurrentChange } from "../services/form-data";
import {
  checkbox,
  idList,
  messageKey,
  optionalEmail,
  optionalId,
  optionalText,
  optionalUrl,
  positiveInt,
  requiredId,
  requiredText,
} from "../services/form-data";
import { CheckboxField, SelectField, TextAreaField, TextField } from "./form";
import { RegionPlacesField, type RegionWithSubregions } from "./regions/region-places-field";

/**
 * The organisation form, shared by the page that creates one and the page that edits one: the
 * schema (browser and server), the fields, and how the fields' stored values read in a conflict
 * notice or the history.
 */

const PHONE = /^\+?[\d\s().-]{6,30}$/;

const organisationFields = {
  name: requiredText(200),
  short_name: optionalText(50),
  sector_id: requiredId(),
  region_ids: idList(),
  subregion_ids: idList(),
  iza_signatory: checkbox(),
  parent_id: optionalId(),
  website: optionalUrl(),
  email: optionalEmail(),
  phone: optionalText(30).refine(
    (value) => value === null || PHONE.test(value),
    messageKey("organisations.errors.phoneInvalid"),
  ),
  address: optionalText(300),
  notes: optionalText(4000),
};

export const createOrganisationSchema = z.object(organisationFields);

export const saveOrganisationSchema = z.object({
  intent: z.literal("save"),
  version: positiveInt(),
  ...organisationFields,
});

export interface OrganisationFormOptions {
  sectors: readonly { id: number; name_nl: string; name_en: string }[];
  regions: readonly RegionWithSubregions[];
  parents: readonly { id: number; name: string; archived: boolean }[];
}

/** The form's starting values for an organisation as stored (ids as text, as the fields hold them). */
export function organisationFormValues(organisation: {
  name: string;
  short_name: string | null;
  sector_id: number;
  region_ids: readonly number[];
  subregion_ids: readonly number[];
  iza_signatory: number;
  parent_id: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
}) {
  return {
    name: organisation.name,
    short_name: organisation.short_name ?? "",
    sector_id: String(organisation.sector_id),
    // lists, which the checkbox fields read; ValidatedForm's defaultValues type does not name lists
    region_ids: organisation.region_ids.map(String) as unknown as string,
    subregion_ids: organisation.subregion_ids.map(String) as unknown as string,
    iza_signatory: organisation.iza_signatory === 1,
    parent_id: organisation.parent_id === null ? "" : String(organisation.parent_id),
    website: organisation.website ?? "",
    email: organisation.email ?? "",
    phone: organisation.phone ?? "",
    address: organisation.address ?? "",
    notes: organisation.notes ?? "",
  };
}

/** Column name → label, for the conflict notice and the history. */
export function organisationFieldLabels(t: TFunction): Record<string, string> {
  return {
    name: t("register.organisations.name"),
    short_name: t("organisations.fields.shortName"),
    sector_id: t("register.organisations.sector"),
    region_ids: t("organisations.fields.regions"),
    subregion_ids: t("register.organisations.subregions"),
    iza_signatory: t("register.organisations.izaSignatory"),
    parent_id: t("register.organisations.parent"),
    website: t("register.organisations.website"),
    email: t("organisations.fields.email"),
    phone: t("organisations.fields.phone"),
    address: t("register.organisations.address"),
    notes: t("register.organisations.notes"),
    archived_at: t("organisations.fields.archivedAt"),
  };
}

/** Names for the ids an organisation's fields hold. */
export interface OrganisationNames {
  sectors: readonly { id: number; name_nl: string; name_en: string }[];
  regions: readonly { id: number; name: string }[];
  subregions: readonly { id: number; name: string }[];
  organisations: readonly { id: number; name: string }[];
}

/** Reads a stored value back: a number, or the text of one as the conflict notice carries it. */
function asNumber(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : null;
}

function asIdList(value: unknown): number[] {
  // a list from the log ("2, 5"; "[2,5]" in entries written before child rows were logged as lists)
  if (typeof value === "string") return (value.match(/\d+/g) ?? []).map(Number);
  return Array.isArray(value) ? value.map(asNumber).filter((id): id is number => id !== null) : [];
}

/**
 * A field's stored value as a reader understands it: names instead of ids, yes/no for flags, a
 * moment in Amsterdam time. Null when there is nothing (the page says "empty").
 */
export function readableOrganisationValue(
  field: string,
  value: unknown,
  names: OrganisationNames,
  t: TFunction,
  language: Language,
): string | null {
  if (field === "subregion_ids") {
    // no subregion is a value of its own: the organisation works region-wide
    const ids = asIdList(value);
    return ids.length
      ? ids.map((id) => names.subregions.find((item) => item.id === id)?.name ?? `#${id}`).join(", ")
      : t("register.organisations.regionWide");
  }
  if (field === "region_ids") {
    const ids = asIdList(value);
    return ids.length
      ? ids.map((id) => names.regions.find((item) => item.id === id)?.name ?? `#${id}`).join(", ")
      : t("organisations.fields.noRegion");
  }
  if (value === null || value === undefined || value === "") return null;
  const nameOf = (list: readonly { id: number; name: string }[], id: number | null) =>
    id === null ? displayValue(value) : (list.find((item) => item.id === id)?.name ?? `#${id}`);
  switch (field) {
    case "sector_id": {
      const id = asNumber(value);
      const sector = names.sectors.find((item) => item.id === id);
      return sector ? (language === "en" ? sector.name_en : sector.name_nl) : `#${displayValue(value)}`;
    }
    case "parent_id":
      return nameOf(names.organisations, asNumber(value));
    case "iza_signatory":
      return asNumber(value) === 1 || value === true ? t("common.yes") : t("common.no");
    case "archived_at":
    case "created_at":
    case "updated_at":
      return typeof value === "string" ? formatMoment(value, language) : displayValue(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/** The conflict notice's changes with names instead of ids. */
export function readableConflict(
  changes: readonly ConcurrentChange[] | undefined,
  names: OrganisationNames,
  t: TFunction,
  language: Language,
): ConcurrentChange[] | undefined {
  return changes?.map((change) => ({
    ...change,
    fields: change.fields.map((field) => ({
      field: field.field,
      before: readableOrganisationValue(field.field, field.before, names, t, language),
      after: readableOrganisationValue(field.field, field.after, names, t, language),
    })),
  }));
}

/** The fields of the form (inside a ValidatedForm with one of the schemas above). */
export function OrganisationFields({ options }: { options: OrganisationFormOptions }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const sectorOptions = [
    { value: "", label: t("common.form.choose") },
    ...options.sectors.map((sector) => ({
      value: String(sector.id),
      label: language === "en" ? sector.name_en : sector.name_nl,
    })),
  ];
  const parentOptions = [
    { value: "", label: t("common.form.none") },
    ...options.parents.map((parent) => ({
      value: String(parent.id),
      label: parent.archived ? t("organisations.fields.archivedParent", { name: parent.name }) : parent.name,
    })),
  ];
  return (
    <div className="space-y-4">
      <TextField name="name" label={t("register.organisations.name")} autoComplete="off" required />
      <TextField
        name="short_name"
        label={t("organisations.fields.shortName")}
        hint={t("organisations.fields.shortNameHint")}
        autoComplete="off"
      />
      <SelectField name="sector_id" label={t("register.organisations.sector")} options={sectorOptions} required />
      <RegionPlacesField regions={options.regions} />
      <CheckboxField name="iza_signatory" label={t("organisations.fields.izaSignatoryLabel")} />
      <SelectField
        name="parent_id"
        label={t("register.organisations.parent")}
        hint={t("organisations.fields.parentHint")}
        options={parentOptions}
      />
      <TextField
        name="website"
        type="url"
        label={t("register.organisations.website")}
        hint={t("organisations.fields.websiteHint")}
        autoComplete="url"
      />
      <TextField name="email" type="email" label={t("organisations.fields.email")} autoComplete="email" />
      <TextField name="phone" type="tel" label={t("organisations.fields.phone")} autoComplete="tel" />
      <TextAreaField name="address" label={t("register.organisations.address")} rows={3} />
      <TextAreaField name="notes" label={t("register.organisations.notes")} rows={4} />
    </div>
  );
}
