import { useTranslation } from "react-i18next";
import { SelectField, useFieldValue } from "../form";

/**
 * A create form's region (decision 040): a choice only when the user may create in more than one
 * region, starting on the current one (`regionStart`, decision 044); with one region the form
 * carries it unseen. Without any region the
 * model refuses the form and says a beheerder must create one first.
 */
export function RegionField({ regions }: { regions: readonly { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const [first] = regions;
  if (!first) return null;
  if (regions.length === 1) return <input type="hidden" name="region_id" value={first.id} />;
  return (
    <SelectField
      name="region_id"
      label={t("regions.field.label")}
      options={regions.map((region) => ({ value: String(region.id), label: region.name }))}
    />
  );
}

/**
 * The form's starting region, for its default values: the current region, else (the cross-region view)
 * the first offered, which is also what the select shows first.
 */
export const regionStart = (chosen: number | null, regions: readonly { id: number }[] = []) => {
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
