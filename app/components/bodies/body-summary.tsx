import { useTranslation } from "react-i18next";
import type { getBody } from "../../models/bodies.server";
import { intervalPhrase } from "../../services/governance";
import { PeriodText } from "../lists";

type BodyOnPage = NonNullable<Awaited<ReturnType<typeof getBody>>>;

/** A body's heading and particulars: kind, level, region, parent, theme, meeting rhythm, active period. */
export function BodySummary({ body, canEdit }: { body: BodyOnPage; canEdit: boolean }) {
  const { t } = useTranslation();
  const phrase = intervalPhrase(body);
  const interval =
    phrase === null
      ? null
      : phrase.kind === "range"
        ? t("governance.frequency.range", { min: phrase.min, max: phrase.max })
        : phrase.kind === "every"
          ? t("governance.frequency.every", { weeks: phrase.weeks })
          : t("governance.frequency.weekly");
  return (
    <div>
      <p className="text-sm text-slate-600">
        <a href="/gremia">{t("register.bodies.title")}</a>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {body.name}
          {body.abbreviation ? <span className="font-normal text-slate-600"> ({body.abbreviation})</span> : null}
        </h1>
        {canEdit ? (
          <a href={`/gremia/${body.id}/bewerken`} className="btn-secondary no-print">
            {t("bodies.page.edit")}
          </a>
        ) : null}
      </div>
      {body.description ? <p className="mt-2 max-w-3xl text-slate-700">{body.description}</p> : null}
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">{t("register.bodies.level")}</dt>
          <dd>{t(`register.levels.${body.level}`)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("register.bodies.kind")}</dt>
          <dd>{t(`register.bodyKinds.${body.kind}`)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("register.bodies.subregion")}</dt>
          <dd>{body.subregion_name ?? t("regions.wholeRegion", { name: body.region_name })}</dd>
        </div>
        {body.parent_name ? (
          <div>
            <dt className="font-semibold">{t("register.bodies.parent")}</dt>
            <dd>
              <a href={`/gremia/${body.parent_id}`}>{body.parent_name}</a>
            </dd>
          </div>
        ) : null}
        {body.theme_name ? (
          <div>
            <dt className="font-semibold">{t("register.bodies.theme")}</dt>
            <dd>{body.theme_name}</dd>
          </div>
        ) : null}
        {body.meetings_per_year !== null ? (
          <div>
            <dt className="font-semibold">{t("register.bodies.meetingsPerYear")}</dt>
            <dd>{body.meetings_per_year}</dd>
          </div>
        ) : null}
        {interval ? (
          <div>
            <dt className="font-semibold">{t("governance.frequency.label")}</dt>
            <dd>{interval}</dd>
          </div>
        ) : null}
        {body.decision_mode ? (
          <div>
            <dt className="font-semibold">{t("governance.decision.label")}</dt>
            <dd>{t(`governance.decision.modes.${body.decision_mode}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">{t("register.bodies.active")}</dt>
          <dd>
            <PeriodText start={body.active_from} end={body.active_to} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
