import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MailingKind, MailingStatus } from "../../../db/schema";
import type { OutboxCounts } from "../../models/mailings.server";
import { mailingPath, messagesPath } from "../../services/mailing-forms";

export interface WaveMailing {
  kind: MailingKind;
  mailing: { status: MailingStatus } | null;
  counts: OutboxCounts | null;
}

/** The wave page's mailings: the messages, and each mailing with where it stands. */
export function WaveMailings({ waveId, mailings }: { waveId: number; mailings: WaveMailing[] | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mailings-heading" className="card space-y-3">
      <h2 id="mailings-heading" className="text-lg font-semibold">
        {t("mailings.wave.heading")}
      </h2>
      {mailings === null ? (
        <p>{t("mailings.wave.frozenFirst")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("mailings.wave.intro")}</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            <li>
              <Link to={messagesPath(waveId)}>{t("mailings.wave.messages")}</Link>
            </li>
            <li>
              <Link to={`/onderzoek/${waveId}/respons`}>{t("mailings.wave.responses")}</Link>
            </li>
          </ul>
          <ul className="space-y-1">
            {mailings.map(({ kind, mailing, counts }) => (
              <li key={kind}>
                <Link to={mailingPath(waveId, kind)}>
                  {t("mailings.wave.open", { kind: t(`mailings.kinds.${kind}`) })}
                </Link>
                <span className="text-sm text-slate-600">
                  {" — "}
                  {mailing && counts
                    ? t("mailings.wave.progress", {
                        status: t(`mailings.statuses.${mailing.status}`),
                        sent: counts.sent,
                        total: Object.values(counts).reduce((sum, n) => sum + n, 0),
                      })
                    : t("mailings.wave.notStarted")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
