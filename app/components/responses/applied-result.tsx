import { useTranslation } from "react-i18next";
import type { AppliedResponses } from "../../services/response-file-formats";

/** Tokens listed at most per list: a file of the wrong wave lists thousands; the counts stay whole. */
const TOKENS_SHOWN = 100;

function TokenList({ tokens }: { tokens: readonly string[] }) {
  const { t } = useTranslation();
  const more = tokens.length - TOKENS_SHOWN;
  return (
    <p className="break-all font-mono text-xs">
      {tokens.slice(0, TOKENS_SHOWN).join(", ")}
      {more > 0 ? <span className="font-sans"> {t("responses.result.more", { count: more })}</span> : null}
    </p>
  );
}

/** What an upload did: the counts, and the tokens it did not apply (of no panel, of another wave). */
export function AppliedResult({ applied }: { applied: AppliedResponses }) {
  const { t } = useTranslation();
  const nothingNew = applied.newlyCompleted === 0 && applied.newlyStarted === 0;
  const otherWaveCount = applied.otherWaves.reduce((sum, wave) => sum + wave.tokens.length, 0);
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
      data-testid="applied"
    >
      <p className="font-semibold">
        {t("responses.result.heading", { file: applied.fileName })} ({t(`responses.result.format.${applied.format}`)})
      </p>
      {nothingNew ? <p>{t("responses.result.nothingNew")}</p> : null}
      <ul className="list-disc pl-5">
        <li>{t("responses.result.newlyCompleted", { count: applied.newlyCompleted })}</li>
        <li>{t("responses.result.newlyStarted", { count: applied.newlyStarted })}</li>
        <li>{t("responses.result.unchanged", { count: applied.unchanged })}</li>
        {applied.withoutToken > 0 ? (
          <li>{t("responses.result.withoutToken", { count: applied.withoutToken })}</li>
        ) : null}
      </ul>
      {applied.notFound.length > 0 ? (
        <div data-testid="not-found">
          <h3 className="font-semibold">{t("responses.result.notFoundHeading", { count: applied.notFound.length })}</h3>
          <p>{t("responses.result.notFoundText")}</p>
          <TokenList tokens={applied.notFound} />
        </div>
      ) : null}
      {otherWaveCount > 0 ? (
        <div data-testid="other-waves">
          <h3 className="font-semibold">{t("responses.result.otherWaveHeading", { count: otherWaveCount })}</h3>
          <p>{t("responses.result.otherWaveText")}</p>
          <ul className="space-y-1">
            {applied.otherWaves.map((wave) => (
              <li key={wave.waveId}>
                <a href={`/onderzoek/${wave.waveId}/respons`} className="underline">
                  {t("responses.result.otherWave", { wave: wave.waveName, count: wave.tokens.length })}
                </a>
                <TokenList tokens={wave.tokens} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
