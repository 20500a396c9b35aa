import { useTranslation } from "react-i18next";
import { PLACEHOLDERS } from "../../services/mail-messages";

/** The placeholders a message may use, each with what Kring fills in. */
export function PlaceholderHelp() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="placeholders-heading" className="card space-y-2 text-sm">
      <h2 id="placeholders-heading" className="text-lg font-semibold">
        {t("mailings.messages.placeholders.heading")}
      </h2>
      <p>{t("mailings.messages.placeholders.intro")}</p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {PLACEHOLDERS.map((name) => (
          <div key={name} className="contents">
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{t(`mailings.messages.placeholders.${name}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
