import { useTranslation } from "react-i18next";
import { FieldError, useFormContext } from "../form";

export interface RegionWithSubregions {
  id: number;
  name: string;
  subregions: readonly { id: number; name: string }[];
}

const tickedIn = (value: unknown) =>
  new Set((Array.isArray(value) ? value : value == null || value === "" ? [] : [value]).map(String));

/**
 * Where an organisation works: a box per region, and under each region the boxes of its subregions
 * (none ticked: the whole region). The two lists post as region_ids and subregion_ids.
 */
export function RegionPlacesField({ regions }: { regions: readonly RegionWithSubregions[] }) {
  const { t } = useTranslation();
  const { register, idFor, errorFor, valueOf } = useFormContext();
  const id = idFor("region_ids");
  const regionError = errorFor("region_ids");
  const subregionError = errorFor("subregion_ids");
  const regionsTicked = tickedIn(valueOf("region_ids"));
  const subregionsTicked = tickedIn(valueOf("subregion_ids"));
  return (
    <fieldset id={id} aria-describedby={[`${id}-hint`, regionError && `${id}-error`].filter(Boolean).join(" ")}>
      <legend className="field-label">{t("organisations.fields.regions")}</legend>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
        {t("organisations.fields.regionsHint")}
      </p>
      <div className="mt-2 space-y-3">
        {regions.map((region, index) => (
          <div key={region.id}>
            <label className="flex items-center gap-2 text-sm font-semibold">
              <input
                type="checkbox"
                value={String(region.id)}
                defaultChecked={regionsTicked.has(String(region.id))}
                className="h-4 w-4"
                {...register("region_ids")}
              />
              {region.name}
            </label>
            {region.subregions.length > 0 ? (
              <fieldset
                id={index === 0 ? idFor("subregion_ids") : undefined}
                className="ml-6 mt-1"
                aria-describedby={index === 0 && subregionError ? `${idFor("subregion_ids")}-error` : undefined}
              >
                <legend className="text-sm text-slate-700">
                  {t("organisations.fields.subregionsOf", { region: region.name })}
                </legend>
                <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
                  {region.subregions.map((subregion) => (
                    <label key={subregion.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        value={String(subregion.id)}
                        defaultChecked={subregionsTicked.has(String(subregion.id))}
                        className="h-4 w-4"
                        {...register("subregion_ids")}
                      />
                      {subregion.name}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
          </div>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={regionError} />
      <FieldError id={`${idFor("subregion_ids")}-error`} message={subregionError} />
    </fieldset>
  );
}
