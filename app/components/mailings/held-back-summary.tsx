import { useTranslation } from "react-i18next";
import type { HeldBackGroup } from "../../services/mail-recipients";
import { HOLD_BACK_TEXTS } from "../../services/mailing-texts";

/** Who gets the mailing, and who not and why: shown before anything is queued. */
export function HeldBackSummary({ recipients, groups }: { recipients: number; groups: HeldBackGroup[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recipients-heading" className="card space-y-3">
      <h2 id="recipients-heading" className="text-lg font-semibold">
        {t("mailings.mailing.recipients", { count: recipients })}
      </h2>
      <h3 className="font-semibold">{t("mailings.mailing.heldBackHeading")}</h3>
      {groups.length === 0 ? (
        <p className="text-sm">{t("mailings.mailing.heldBackNone")}</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {groups.map((group) => (
            <li key={group.reason}>
              <p className="font-medium">
                {t("mailings.mailing.heldBackCount", { reason: t(HOLD_BACK_TEXTS[group.reason]), count: group.count })}
              </p>
              <ul className="list-disc pl-5">
                {group.shown.map((member, index) => (
                  <li key={index}>
                    {member.name}
                    {member.organisation ? <span className="text-slate-600"> — {member.organisation}</span> : null}
                  </li>
                ))}
                {group.count > group.shown.length ? (
                  <li>{t("mailings.mailing.heldBackMore", { count: group.count - group.shown.length })}</li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
