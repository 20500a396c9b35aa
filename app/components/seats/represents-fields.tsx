import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { RadioGroup, SelectField } from "../form";
import type { ConstituencyChoices } from "../../services/governance";
import { REPRESENTS } from "../../services/seat-forms";

/**
 * "Namens": one organisation (the field given as `organisationField`) or an achterban, a sector
 * and/or a subregion (decision 039). All fields stay visible, so the form works without JavaScript;
 * the schema says which of them counts.
 */
export function RepresentsFields({
  constituencies,
  organisationField,
}: {
  constituencies: ConstituencyChoices;
  organisationField: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-4">
      <RadioGroup
        name="represents"
        legend={t("governance.constituency.legend")}
        options={REPRESENTS.map((value) => ({
          value,
          label: t(
            value === "organisatie" ? "governance.constituency.organisation" : "governance.constituency.constituency",
          ),
        }))}
      />
      {organisationField}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="constituency_sector_id"
          label={t("governance.constituency.sector")}
          options={[
            { value: "", label: t("governance.constituency.anySector") },
            ...constituencies.sectors.map((sector) => ({
              value: String(sector.id),
              label: language === "en" ? sector.name_en : sector.name_nl,
            })),
          ]}
        />
        <SelectField
          name="constituency_subregion_id"
          label={t("governance.constituency.subregion")}
          options={[
            { value: "", label: t("governance.constituency.wholeRegion") },
            ...constituencies.subregions.map((subregion) => ({ value: String(subregion.id), label: subregion.name })),
          ]}
        />
      </div>
    </div>
  );
}
