import { useTranslation } from "react-i18next";
import type { UseCounts } from "../../services/region-forms";

/** Why a region or subregion was not removed: what still uses it, with a count per kind. */
export function InUseAlert({ kind, name, uses }: { kind: "region" | "subregion"; name: string; uses: UseCounts }) {
  const { t } = useTranslation();
  const listed = uses.map((use) => t(`regions.uses.${use.kind}`, { count: use.count })).join(", ");
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      {t(`regions.inUse.${kind}`, { name, uses: listed })}
    </div>
  );
}
