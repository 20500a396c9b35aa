import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** For the beheerder: the person's rights under the AVG, reachable from their page. */
export function PrivacySection({ personId, erased }: { personId: number; erased: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="privacy-heading" className="card no-print">
      <h2 id="privacy-heading" className="text-lg font-semibold">
        {t("rights.section.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("rights.section.intro")}</p>
      <p className="mt-3 flex flex-wrap gap-2">
        <Link to={`/personen/${personId}/inzage`} className="btn-secondary">
          {t("rights.section.report")}
        </Link>
        {erased ? null : (
          <Link to={`/personen/${personId}/wissen`} className="btn-secondary">
            {t("rights.section.erase")}
          </Link>
        )}
      </p>
    </section>
  );
}
