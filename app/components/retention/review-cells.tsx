import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";

/** Where the person last was: the organisation of their last job, the body of their last seat. */
export function LastPlace({ organisation, body }: { organisation: string | null; body: string | null }) {
  return (
    <>
      {organisation ? <span className="block">{organisation}</span> : null}
      {body ? <span className="block">{body}</span> : null}
    </>
  );
}

/** The day the last job or seat ended, or that there never was one. */
export function LastEnd({ day }: { day: string | null }) {
  const { t, i18n } = useTranslation();
  return day ? (
    <>{formatDay(day, i18n.language as Language)}</>
  ) : (
    <span className="text-slate-600">{t("retention.neverHeld")}</span>
  );
}
