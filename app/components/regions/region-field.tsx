import { useTranslation } from "react-i18next";
import { SelectField } from "../form";

/**
 * A create form's region (decision 040): a choice only when the register has more than one region,
 * starting on the first; with one region the form carries it unseen. Without any region the
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
