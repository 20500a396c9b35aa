import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay, formatMoment, todayInAmsterdam } from "../../i18n/format";
import type { SampleStratum } from "../../services/interview-sample";

export interface SampleFacts {
  waveName: string;
  referenceDate: string;
  drawn_at: string;
  drawnByName: string | null;
  size: number;
  population: number;
  seed: number;
  prng: string;
  strata: readonly SampleStratum[];
}

/** The method paragraph a researcher copies into the report, and the facts it rests on. */
export function SampleMethod({ sample }: { sample: SampleFacts }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="sample-method-heading" className="card max-w-4xl space-y-3">
      <h2 id="sample-method-heading" className="text-lg font-semibold">
        {t("samples.sample.methodHeading")}
      </h2>
      <p className="text-sm text-slate-600">{t("samples.sample.methodHint")}</p>
      <blockquote className="border-l-4 border-slate-300 pl-4" data-testid="sample-method">
        {t("samples.sample.method", {
          wave: sample.waveName,
          referenceDate: formatDay(sample.referenceDate, language),
          drawnDay: formatDay(todayInAmsterdam(new Date(sample.drawn_at)), language),
          size: sample.size,
          population: sample.population,
          strata: sample.strata.length,
          prng: sample.prng,
          seed: sample.seed,
        })}
      </blockquote>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("samples.columns.drawnAt")}</dt>
          <dd>{formatMoment(sample.drawn_at, language)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("samples.columns.drawnBy")}</dt>
          <dd>{sample.drawnByName ?? t("panel.page.unknownUser")}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("samples.columns.seed")}</dt>
          <dd>
            <code>{sample.seed}</code> ({sample.prng})
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("samples.columns.size")}</dt>
          <dd>
            {sample.size} / {sample.population}
          </dd>
        </div>
      </dl>
    </section>
  );
}
