import { useTranslation } from "react-i18next";
import type { Language, WaveStatus } from "../../../db/schema";
import { formatDay, formatMoment } from "../../i18n/format";
import { Link } from "@remix-run/react";
import type { FrozenCounts } from "../../models/panel-members.server";
import type { PanelVerification } from "../../models/panel-freeze.server";
import type { PanelRules } from "../../services/panel-rules-schema";
import { panelRulesInWords, type RuleNames, type Translate } from "../../services/panel-rules-text";

interface FrozenWave {
  name: string;
  status: WaveStatus;
  reference_date: string;
  frozen_at: string | null;
  content_hash: string | null;
  method_notes: string | null;
  rules: PanelRules;
  panelSize: number;
}

/** How a frozen panel was drawn, as a report's method section needs it: date, rules, counts, fingerprint. */
export function PanelMethod({
  wave,
  frozenByName,
  counts,
  laterExcluded,
  names,
  verification = null,
  verifyTo,
}: {
  wave: FrozenWave;
  frozenByName: string | null;
  counts: FrozenCounts | null;
  laterExcluded: number;
  names: RuleNames;
  /** the hash recomputed from what is stored now, when the reader asked for it */
  verification?: PanelVerification | null;
  /** where the "check" link goes; none: the page offers no check */
  verifyTo?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const words = panelRulesInWords(wave.rules, wave.reference_date, names, t as unknown as Translate, language);
  return (
    <section aria-labelledby="method-heading" className="card max-w-4xl space-y-3">
      <h2 id="method-heading" className="text-lg font-semibold">
        {t("panel.page.methodHeading")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("panel.page.referenceDate")}</dt>
          <dd>{formatDay(wave.reference_date, language)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("waves.columns.status")}</dt>
          <dd>{t(`waves.statuses.${wave.status}`)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("panel.page.frozenAt")}</dt>
          <dd>{formatMoment(wave.frozen_at, language)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("panel.page.frozenBy")}</dt>
          <dd>{frozenByName ?? t("panel.page.unknownUser")}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="font-semibold">{t("panel.page.size")}</dt>
          <dd>
            {t("panel.page.sizeText", {
              total: counts?.total ?? wave.panelSize,
              excluded: counts?.excluded ?? 0,
              later: laterExcluded,
            })}
          </dd>
        </div>
        {counts && Object.keys(counts.exclusionsByReason).length > 0 ? (
          <div className="sm:col-span-2">
            <dt className="font-semibold">{t("panel.page.exclusionsAtDraw")}</dt>
            <dd>
              <ul className="list-disc pl-5">
                {Object.entries(counts.exclusionsByReason).map(([reason, count]) => (
                  <li key={reason}>
                    {t(`panel.drawExclusions.${reason as keyof FrozenCounts["exclusionsByReason"]}`, { count })}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <dt className="font-semibold">{t("panel.page.rules")}</dt>
          <dd>{words.text}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="font-semibold">{t("panel.page.contentHash")}</dt>
          <dd>
            <code className="break-all">{wave.content_hash}</code>
            <p className="mt-1 text-slate-600">{t("panel.page.contentHashHint")}</p>
            {verification ? (
              <p
                role="status"
                className={`mt-2 rounded-md border p-2 ${verification.matches ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
              >
                {verification.matches
                  ? t("panel.page.verified", { count: verification.members })
                  : t("panel.page.verifyFailed", { hash: verification.recomputed })}
              </p>
            ) : verifyTo ? (
              <p className="no-print mt-2">
                <Link to={verifyTo}>{t("panel.page.verify")}</Link>
              </p>
            ) : null}
          </dd>
        </div>
        {wave.method_notes ? (
          <div className="sm:col-span-2">
            <dt className="font-semibold">{t("waves.fields.methodNotes")}</dt>
            <dd className="whitespace-pre-line">{wave.method_notes}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
