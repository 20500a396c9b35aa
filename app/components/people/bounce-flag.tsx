import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";

/** "onbestelbaar sinds … (reden)": beside an address mail to which bounced. */
export function BounceFlag({ bouncedAt, reason }: { bouncedAt: string; reason: string | null }) {
  const { t, i18n } = useTranslation();
  const date = formatMoment(bouncedAt, i18n.language as Language);
  return (
    <span className="ml-2 inline-block rounded bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
      {reason ? t("people.bounce.sinceWithReason", { date, reason }) : t("people.bounce.since", { date })}
    </span>
  );
}
