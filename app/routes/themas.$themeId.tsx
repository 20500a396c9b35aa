import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfTheme } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { SuccessNotice } from "../components/form";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getTheme } from "../models/themes.server";
import { addThemeLead, endThemeLead, leadsOfTheme, removeThemeLead } from "../models/theme-leads.server";
import { ThemeLeadsSection } from "../components/themes/theme-leads-section";
import { todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { parseForm } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { NO_CHOICES, type RefusedAnswer, type SearchedAnswer, type SeatChoices } from "../services/seat-choices";
import { seatFormAnswers } from "../services/seat-choices.server";
import { chosenOnLeadForm, isLeadIntent, LEAD_SCHEMAS, type LeadIntent } from "../services/theme-lead-forms";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.theme.name ?? t("themes.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfTheme(recordIdParam(params.themeId)),
  });
  const themeId = recordIdParam(params.themeId);
  const found = await getTheme(context.db, themeId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const today = todayInAmsterdam();
  const notice = noticeFrom(new URL(request.url).searchParams, PAGE_NOTICES);
  return json({
    ...found,
    notice,
    today,
    leads: await leadsOfTheme(context.db, themeId, today),
    canEdit: can(user, "register.edit", found.theme.region_id),
  });
}

const PAGE_NOTICES = ["aangemaakt", "toegevoegd", "beeindigd", "verwijderd"] as const;
const NOTICE_TEXTS = {
  aangemaakt: "themes.theme.created",
  toegevoegd: "themes.leads.added",
  beeindigd: "themes.leads.ended",
  verwijderd: "themes.leads.removed",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

/** Changes to the theme's programme leads (decision 048), asked in the theme's region. */
/** The action's answer when nothing was saved, for the form `intent` of lead `leadId` (null: the add form). */
type LeadAnswer = (SearchedAnswer | RefusedAnswer<SeatChoices | null>) & { intent: LeadIntent; leadId: number | null };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<TypedResponse<LeadAnswer>> {
  const themeId = recordIdParam(params.themeId);
  const user = await requirePermission(request, context, "register.edit", { record: regionOfTheme(themeId) });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isLeadIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const leadId = Number(formData.get("lead_id")) || null;
  const extra = { intent, leadId };
  const page = `/themas/${themeId}`;
  if (intent === "addLead") {
    const answers = seatFormAnswers(
      context.db,
      formData,
      user.language,
      (values) => chosenOnLeadForm(values, todayInAmsterdam()),
      extra,
    );
    if (answers.searched) return answers.searched();
    const parsed = parseForm(LEAD_SCHEMAS.addLead, formData);
    if (!parsed.ok) return answers.invalid(parsed);
    try {
      const { person_id, start_date, end_date } = parsed.data;
      await addThemeLead(context.db, user, themeId, { person_id, start_date, end_date });
      return redirect(withNotice(page, "toegevoegd"));
    } catch (error) {
      return answers.refused(error);
    }
  }
  // ending and removing offer no choices
  const refused = { ...extra, kind: "refused" as const, choices: null, roundTrip: null };
  const parsed = parseForm(LEAD_SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, ...refused }, { status: 400 });
  const data = parsed.data;
  try {
    if ("end_date" in data) {
      await endThemeLead(context.db, user, data.lead_id, data.version, data.end_date);
      return redirect(withNotice(page, "beeindigd"));
    }
    await removeThemeLead(context.db, user, data.lead_id, data.version);
    return redirect(withNotice(page, "verwijderd"));
  } catch (error) {
    return refusalResponse(error, formData, refused);
  }
}

export default function Theme() {
  const { theme, bodies, plans, notice, today, leads, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const answerFor = (intent: LeadIntent, leadId: number | null) =>
    actionData && actionData.intent === intent && (intent === "addLead" || actionData.leadId === leadId)
      ? actionData
      : null;
  const added = answerFor("addLead", null);
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
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null}
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

      <ThemeLeadsSection
        current={leads.current}
        past={leads.past}
        today={today}
        editing={
          canEdit
            ? {
                open: !theme.archived_at,
                choices: added?.choices ?? NO_CHOICES,
                roundTrip: added?.roundTrip ?? "",
                answerFor,
              }
            : null
        }
      />

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
