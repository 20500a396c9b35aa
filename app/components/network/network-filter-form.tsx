import { useTranslation } from "react-i18next";
import { BODY_KINDS, BODY_LEVELS, type Language } from "../../../db/schema";
import { FilterDay, FilterForm, FilterSelect } from "../filter-form";
import {
  COMPARE_PARAM,
  NETWORK_KINDS,
  NETWORK_PARAMS,
  NETWORK_WEIGHTS,
  type NetworkQuery,
} from "../../services/network/query";

export interface NetworkFilterOptions {
  sectors: { id: number; name_nl: string; name_en: string }[];
  subregions: { id: number; name: string }[];
  themes: { id: number; name: string }[];
}

/** The network's choice as a GET form: the URL is the view, shared with the map page. */
export function NetworkFilterForm({
  query,
  compareOn,
  options,
}: {
  query: NetworkQuery;
  compareOn: string | null;
  options: NetworkFilterOptions;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const all = t("network.all");
  return (
    <FilterForm resetTo="/netwerk" label={t("network.filters")}>
      <FilterSelect
        name={NETWORK_PARAMS.kind}
        label={t("network.kind")}
        value={query.kind}
        options={NETWORK_KINDS.map((kind) => ({ value: kind, label: t(`network.kinds.${kind}`) }))}
      />
      <FilterDay name={NETWORK_PARAMS.on} label={t("network.date")} value={query.on} />
      <FilterSelect
        name={NETWORK_PARAMS.weight}
        label={t("network.weight")}
        value={query.weight}
        options={NETWORK_WEIGHTS.map((weight) => ({ value: weight, label: t(`network.weights.${weight}`) }))}
      />
      <FilterDay
        name={NETWORK_PARAMS.attendanceFrom}
        label={t("network.attendanceFrom")}
        value={query.attendanceFrom}
      />
      <FilterDay
        name={NETWORK_PARAMS.attendanceUntil}
        label={t("network.attendanceUntil")}
        value={query.attendanceUntil}
      />
      <FilterSelect
        name={NETWORK_PARAMS.level}
        label={t("network.level")}
        value={query.level}
        anyLabel={all}
        options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
      />
      <FilterSelect
        name={NETWORK_PARAMS.bodyKind}
        label={t("network.bodyKind")}
        value={query.bodyKind}
        anyLabel={all}
        options={BODY_KINDS.map((kind) => ({ value: kind, label: t(`register.bodyKinds.${kind}`) }))}
      />
      <FilterSelect
        name={NETWORK_PARAMS.subregionId}
        label={t("network.subregion")}
        value={query.subregionId}
        anyLabel={all}
        options={options.subregions.map((s) => ({ value: s.id, label: s.name }))}
      />
      <FilterSelect
        name={NETWORK_PARAMS.sectorId}
        label={t("network.sector")}
        value={query.sectorId}
        anyLabel={all}
        options={options.sectors.map((s) => ({ value: s.id, label: language === "en" ? s.name_en : s.name_nl }))}
      />
      <FilterSelect
        name={NETWORK_PARAMS.themeId}
        label={t("network.theme")}
        value={query.themeId}
        anyLabel={all}
        options={options.themes.map((theme) => ({ value: theme.id, label: theme.name }))}
      />
      <FilterDay name={COMPARE_PARAM} label={t("network.compareDate")} value={compareOn} />
      <p className="w-full text-sm text-slate-600">{t("network.attendanceHelp")}</p>
    </FilterForm>
  );
}
