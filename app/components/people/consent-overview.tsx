import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type ConsentPurpose, type ConsentStatus, type Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";

/** A consent record, as the person page's loader sends them: newest first. */
export interface ConsentRecord {
  id: number;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  recorded_on: string;
  source: string | null;
}

/** A person's consent per purpose as it stands, and every record behind it folded away. */
export function ConsentOverview({ consents }: { consents: readonly ConsentRecord[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {CONSENT_PURPOSES.map((purpose) => {
          // newest first: the first row of a purpose is its current state
          const current = consents.find((c) => c.purpose === purpose);
          return (
            <div key={purpose}>
              <dt className="font-semibold">{t(`register.consent.${purpose}`)}</dt>
              <dd>
                {current
                  ? t("people.page.consentCurrent", {
                      status: t(`register.consent.${current.status}`),
                      date: formatDay(current.recorded_on, language),
                    })
                  : t("people.page.consentNotRecorded")}
                {current?.source ? (
                  <span className="text-slate-600">
                    {" "}
                    ({t("people.page.consentSource", { source: current.source })})
                  </span>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {consents.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("people.page.consentHistory")}</summary>
          <div className="overflow-x-auto">
            <table className="data-table mt-2">
              <thead>
                <tr>
                  <th scope="col">{t("people.consent.recorded_on")}</th>
                  <th scope="col">{t("people.consent.purpose")}</th>
                  <th scope="col">{t("people.consent.status")}</th>
                  <th scope="col">{t("people.consent.source")}</th>
                </tr>
              </thead>
              <tbody>
                {consents.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDay(c.recorded_on, language)}</td>
                    <td>{t(`register.consent.${c.purpose}`)}</td>
                    <td>{t(`register.consent.${c.status}`)}</td>
                    <td>{c.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </>
  );
}
