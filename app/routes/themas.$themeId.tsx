import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfTheme } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { SuccessNotice } from "../components/form";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getTheme } from "../models/themes.server";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.theme.name ?? t("themes.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfTheme(recordIdParam(params.themeId)),
  });
  const found = await getTheme(context.db, recordIdParam(params.themeId));
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const created = noticeFrom(new URL(request.url).searchParams, ["aangemaakt"]) !== null;
  return json({ ...found, created, canEdit: can(user, "register.edit", found.theme.region_id) });
}

export default function Theme() {
  const { theme, bodies, plans, created, canEdit } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/themas">{t("themes.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{theme.name}</h1>
        <p className="mt-1 text-sm text-slate-700">{t(`themes.kindHeadings.${theme.kind}`)}</p>
        {theme.description ? <p className="mt-2 max-w-3xl text-slate-700">{theme.description}</p> : null}
        {canEdit ? (
          <div className="no-print mt-4 flex flex-wrap gap-2">
            <Link to={`/themas/${theme.id}/bewerken`} className="btn-secondary">
              {t("themes.actions.edit")}
            </Link>
            {theme.archived_at ? null : (
              <Link to={`/plannen/nieuw?thema=${theme.id}`} className="btn-secondary">
                {t("themes.actions.newPlanForTheme")}
              </Link>
            )}
          </div>
        ) : null}
      </div>
      {created ? <SuccessNotice>{t("themes.theme.created")}</SuccessNotice> : null}
      {theme.archived_at ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("themes.theme.archivedNotice", { date: formatMoment(theme.archived_at, language) })}
        </p>
      ) : null}

      <section aria-labelledby="plans-heading" className="card">
        <h2 id="plans-heading" className="text-lg font-semibold">
          {t("themes.theme.plans")}
        </h2>
        {plans.length === 0 ? (
          <p className="mt-2">{t("themes.theme.noPlans")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("themes.plans.name")}</th>
                  <th scope="col">{t("themes.fields.fundingStatus")}</th>
                  <th scope="col">{t("themes.fields.leadOrganisation")}</th>
                </tr>
              </thead>
              <tbody>
                {plans.map((plan) => (
                  <tr key={plan.id}>
                    <td>
                      <Link to={`/plannen/${plan.id}`}>{plan.name}</Link>
                      {plan.archived_at ? (
                        <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span>
                      ) : null}
                    </td>
                    <td>{plan.funding_markers.map((marker) => t(`themes.funding.${marker}`)).join(", ")}</td>
                    <td>
                      {plan.lead_organisation_id ? (
                        <Link to={`/organisaties/${plan.lead_organisation_id}`}>{plan.lead_organisation_name}</Link>
                      ) : (
                        t("themes.plan.none")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="bodies-heading" className="card">
        <h2 id="bodies-heading" className="text-lg font-semibold">
          {t("themes.theme.bodies")}
        </h2>
        {bodies.length === 0 ? (
          <p className="mt-2">{t("themes.theme.noBodies")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("register.bodies.name")}</th>
                  <th scope="col">{t("register.bodies.level")}</th>
                  <th scope="col">{t("register.bodies.kind")}</th>
                </tr>
              </thead>
              <tbody>
                {bodies.map((body) => (
                  <tr key={body.id}>
                    <td>
                      <Link to={`/gremia/${body.id}`}>{body.name}</Link>
                      {body.abbreviation ? <span className="text-slate-600"> ({body.abbreviation})</span> : null}
                      {body.archived_at ? (
                        <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span>
                      ) : null}
                    </td>
                    <td>{t(`register.levels.${body.level}`)}</td>
                    <td>{t(`register.bodyKinds.${body.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
