import { useTranslation } from "react-i18next";
import { ALL_REGIONS } from "../../services/region-choice";
import { SelectField, useFieldValue } from "../form";

/**
 * A create form's region (decision 040): a choice only when the user may create in more than one
 * region, starting on the current one (`regionStart`, decision 044); with one region the form
 * carries it unseen. Without any region the
 * model refuses the form and says a beheerder must create one first. `networkWide` adds "Alle regio's
 * (netwerkbreed)" — a record over every region, offered only where the model allows one (survey
 * waves, decision 046) and only to a network-wide role: the choice is then always shown.
 */
export function RegionField({
  regions,
  networkWide = false,
}: {
  regions: readonly { id: number; name: string }[];
  networkWide?: boolean;
}) {
  const { t } = useTranslation();
  const [first] = regions;
  if (!networkWide) {
    if (!first) return null;
    if (regions.length === 1) return <input type="hidden" name="region_id" value={first.id} />;
  }
  const options = regions.map((region) => ({ value: String(region.id), label: region.name }));
  if (networkWide) options.push({ value: ALL_REGIONS, label: t("regions.networkWideChoice") });
  return <SelectField name="region_id" label={t("regions.field.label")} options={options} />;
}

/**
 * The form's starting region, for its default values: the current region, else (the cross-region view)
 * "Alle regio's" where the form offers it, else the first offered, which is also what the select shows first.
 */
export const regionStart = (chosen: number | null, regions: readonly { id: number }[] = [], networkWide = false) => {
  if (chosen === null && networkWide) return { region_id: ALL_REGIONS };
  const start = chosen ?? regions[0]?.id;
  return start === undefined ? {} : { region_id: String(start) };
};

/**
 * Whether a choice belongs to the region the form has chosen (decision 048): with JavaScript the
 * choices follow the region field as it changes; without, they are the starting region's and the
 * model refuses a mismatch. A form without a region field (an edit form) is offered its record's
 * region only, so everything passes.
 */
export function useInChosenRegion() {
  const region = useFieldValue("region_id");
  const chosen = typeof region === "string" || typeof region === "number" ? String(region) : "";
  return (choice: { region_id: number }) => chosen === "" || String(choice.region_id) === chosen;
}
