import { useTranslation } from "react-i18next";
import { SelectField } from "../form";

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

/** The form's starting region, for its default values: the current region (none in the cross-region view). */
export const regionStart = (chosen: number | null) => (chosen === null ? {} : { region_id: String(chosen) });
