import { useTranslation } from "react-i18next";
import { ALL_REGIONS } from "../../services/region-choice";
import { SelectField } from "../form";

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
 * The form's starting region, for its default values: the current region; in the cross-region view
 * none (the first), or "Alle regio's" where the form offers it.
 */
export const regionStart = (chosen: number | null, networkWide = false) =>
  chosen !== null ? { region_id: String(chosen) } : networkWide ? { region_id: ALL_REGIONS } : {};
