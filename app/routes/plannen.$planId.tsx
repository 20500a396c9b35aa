import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfPlan } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { SuccessNotice } from "../components/form";
import { formatDay, formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getPlan } from "../models/plans.server";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.plan.name ?? t("themes.plans.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfPlan(recordIdParam(params.planId)),
  });
  const today = todayInAmsterdam();
  const found = await getPlan(context.db, recordIdParam(params.planId), today);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const created = noticeFrom(new URL(request.url).searchParams, ["aangemaakt"]) !== null;
  return json({ ...found, today, created, canEdit: can(user, "register.edit", found.plan.region_id) });
}

type TeamSeat = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];

function TeamTable({ seats }: { seats: TeamSeat[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("register.bodies.role")}</th>
            <th scope="col">{t("register.bodies.person")}</th>
            <th scope="col">{t("register.bodies.onBehalfOf")}</th>
            <th scope="col">{t("register.bodies.since")}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => (
            <tr key={seat.id}>
              <td>{t(`register.roles.${seat.role}`)}</td>
              <td>
                {seat.person_id && seat.person_name ? (
                  <Link to={`/personen/${seat.person_id}`}>{seat.person_name}</Link>
                ) : (
                  <span className="font-semibold text-amber-800">{t("register.vacant")}</span>
                )}
              </td>
              <td>
                {seat.organisation_id ? (
                  <Link to={`/organisaties/${seat.organisation_id}`}>{seat.organisation_name}</Link>
                ) : null}
              </td>
              <td>{formatDay(seat.start_date, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Plan() {
  const { plan, projectLeaders, members, today, created, canEdit } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/plannen">{t("themes.plans.title")}</Link>
          {plan.theme_id ? (
            <>
              {" · "}
              <Link to={`/themas/${plan.theme_id}`}>{plan.theme_name}</Link>
            </>
          ) : null}
        </p>
        <h1 className="text-2xl font-bold">{plan.name}</h1>
        {plan.description ? <p className="mt-2 max-w-3xl text-slate-700">{plan.description}</p> : null}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="font-semibold">{t("themes.fields.theme")}</dt>
            <dd>
              {plan.theme_id ? <Link to={`/themas/${plan.theme_id}`}>{plan.theme_name}</Link> : t("themes.plan.none")}
              {plan.theme_archived_at ? (
                <span className="text-slate-600"> {t("themes.plan.archivedReference")}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("governance.funding.legend")}</dt>
            <dd>{plan.funding_markers.map((marker) => t(`themes.funding.${marker}`)).join(", ")}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("themes.fields.leadOrganisation")}</dt>
            <dd>
              {plan.lead_organisation_id ? (
                <Link to={`/organisaties/${plan.lead_organisation_id}`}>{plan.lead_organisation_name}</Link>
              ) : (
                t("themes.plan.none")
              )}
              {plan.lead_organisation_archived_at ? (
                <span className="text-slate-600"> {t("themes.plan.archivedReference")}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("themes.fields.subregion")}</dt>
            <dd>{plan.subregion_name ?? t("regions.wholeRegion", { name: plan.region_name })}</dd>
          </div>
        </dl>
        {canEdit ? (
          <div className="no-print mt-4">
            <Link to={`/plannen/${plan.id}/bewerken`} className="btn-secondary">
              {t("themes.actions.edit")}
            </Link>
          </div>
        ) : null}
      </div>
      {created ? <SuccessNotice>{t("themes.plan.created", { team: plan.team_name ?? "" })}</SuccessNotice> : null}
      {plan.archived_at ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("themes.plan.archivedNotice", { date: formatMoment(plan.archived_at, language) })}
        </p>
      ) : null}

      <section aria-labelledby="team-heading" className="card space-y-4">
        <h2 id="team-heading" className="text-lg font-semibold">
          {t("themes.plan.team")}
        </h2>
        {plan.team_body_id && plan.team_name ? (
          <>
            <p className="max-w-3xl text-sm text-slate-700">{t("themes.plan.teamIntro", { name: plan.team_name })}</p>
            <p>
              <Link to={`/gremia/${plan.team_body_id}`} className="btn-secondary">
                {t("themes.plan.openTeam", { name: plan.team_name })}
              </Link>
            </p>
            <p className="text-sm text-slate-600">{t("themes.plan.teamOn", { date: formatDay(today, language) })}</p>
            <div className="space-y-2">
              <h3 className="font-semibold">{t("themes.plan.projectLeaders")}</h3>
              {projectLeaders.length === 0 ? (
                <p className="text-sm">{t("themes.plan.noProjectLeader")}</p>
              ) : (
                <TeamTable seats={projectLeaders} />
              )}
            </div>
            <div className="space-y-2">
              <h3 className="font-semibold">{t("themes.plan.members")}</h3>
              {members.length === 0 ? (
                <p className="text-sm">{t("themes.plan.noMembers")}</p>
              ) : (
                <TeamTable seats={members} />
              )}
            </div>
          </>
        ) : (
          <p>{t("themes.plan.noTeam")}</p>
        )}
      </section>
    </div>
  );
}
