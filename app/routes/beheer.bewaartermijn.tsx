import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { SuccessNotice } from "../components/form";
import { Pagination } from "../components/lists";
import { ConfirmStep } from "../components/retention/confirm-step";
import { RetentionSettings } from "../components/retention/retention-settings";
import { ReviewTable } from "../components/retention/review-table";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { peopleForReview } from "../models/retention.server";
import type { Language } from "../../db/schema";
import { pageFrom } from "../services/list-params";
import { noticeFrom } from "../services/notices";
import { retentionCutoff, retentionListPath, retentionQueryFrom } from "../services/retention";
import { answerRetentionPost } from "../services/retention-page.server";

/**
 * "Bewaartermijn", /beheer/bewaartermijn: the people beyond the retention period, for review; the
 * chosen are archived or erased in bulk after a confirmation step. Beheerder only ("privacy.manage").
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("retention.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "privacy.manage");
  const search = new URL(request.url).searchParams;
  const query = retentionQueryFrom(search, context.retentionMonths);
  const today = todayInAmsterdam();
  const cutoff = retentionCutoff(today, query.months);
  const list = await peopleForReview(
    context.db,
    { cutoff, today, includeArchived: query.includeArchived },
    pageFrom(search),
  );
  return json({
    ...list,
    query,
    cutoff,
    configuredMonths: context.retentionMonths,
    notice: noticeFrom(search, ["gearchiveerd", "gewist"]),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "privacy.manage");
  return answerRetentionPost(context.db, me, await request.formData(), context.retentionMonths);
}

export default function RetentionReview() {
  const { rows, page, query, cutoff, configuredMonths, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  if (answer?.kind === "confirm")
    return (
      <ConfirmStep
        kind={answer.bulk}
        rows={answer.rows}
        dropped={answer.dropped}
        changed={answer.changed}
        months={answer.months}
        includeArchived={answer.includeArchived}
        cancelTo={retentionListPath(answer.months, answer.includeArchived)}
      />
    );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("retention.title")}</h1>
      {notice ? <SuccessNotice>{t(`retention.notices.${notice}`)}</SuccessNotice> : null}
      <p className="max-w-3xl">{t("retention.intro", { count: query.months })}</p>
      <RetentionSettings
        typedMonths={query.typedMonths}
        monthsInvalid={query.monthsInvalid}
        includeArchived={query.includeArchived}
        configuredMonths={configuredMonths}
      />
      <div className="card space-y-4">
        {page.total === 0 ? (
          <p>{t("retention.empty", { count: query.months })}</p>
        ) : (
          <>
            <p role="status">
              {t("retention.count", { count: page.total, cutoff: formatDay(cutoff, i18n.language as Language) })}
            </p>
            <ReviewTable
              rows={rows}
              months={query.months}
              includeArchived={query.includeArchived}
              selectAll={query.selectAll}
              nothingChosen={answer?.kind === "nothingChosen"}
            />
          </>
        )}
        <Pagination {...page} />
      </div>
    </div>
  );
}
