import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { FilterCheckbox, FilterForm, FilterSearch } from "../components/filter-form";
import { SuccessNotice } from "../components/form";
import { PanelCountTables } from "../components/panel-count-tables";
import { LaterExclusionForm } from "../components/waves/later-exclusion-form";
import { PanelMemberTable } from "../components/waves/panel-member-table";
import { PanelMethod } from "../components/waves/panel-method";
import { pageTitle } from "../i18n/meta";
import { frozenPanel, listPanelMembers, panelMember } from "../models/panel-members.server";
import { recordLaterExclusion, verifyFrozenPanel } from "../models/panel-freeze.server";
import { ruleNamesFor } from "../models/survey-waves.server";
import { parseForm } from "../services/form-data";
import { displayName } from "../services/names";
import { withNotice } from "../services/notices";
import { exclusionSchema, type PanelExclusionAnswer } from "../services/panel-exclusion-form";
import { panelListSearch, panelPageParams } from "../services/panel-member-list";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { waveScope } from "../models/panel-facts.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("panel.page.title", { name: data.wave.name }) : t("panel.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const waveId = recordIdParam(params.waveId);
  const panel = await frozenPanel(context.db, waveId);
  if (!panel) throw new Response(null, { status: 404, statusText: "Not Found" });
  // a draft has no panel yet: its preview is where it is drawn and frozen
  if (panel.wave.status === "draft") throw redirect(`/onderzoek/${waveId}/voorbeeld`);

  const { searchParams } = new URL(request.url);
  const { filter, excludeId, noticeId } = panelPageParams(searchParams);
  // recomputing reads every member: only when asked for
  const verifying = searchParams.has("controleer");
  const [members, names, excluding, noticeMember, verification] = await Promise.all([
    listPanelMembers(context.db, waveId, filter),
    ruleNamesFor(context.db, panel.wave.rules, user.language, waveScope(panel.wave)),
    excludeId === undefined ? null : panelMember(context.db, waveId, excludeId),
    noticeId === undefined ? null : panelMember(context.db, waveId, noticeId),
    verifying ? verifyFrozenPanel(context.db, waveId) : null,
  ]);
  return json({
    ...panel,
    names,
    members,
    filter,
    exclusion: excludeId === undefined ? null : { personId: excludeId, member: excluding },
    notice: noticeMember ? displayName(noticeMember) : null,
    listSearch: panelListSearch(searchParams),
    verification,
  });
}

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<TypedResponse<PanelExclusionAnswer>> {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const waveId = recordIdParam(params.waveId);
  const formData = await request.formData();
  const parsed = parseForm(exclusionSchema, formData);
  if (!parsed.ok) return json({ kind: "refused", ...parsed }, { status: 400 });
  try {
    await recordLaterExclusion(context.db, user, waveId, parsed.data.personId, parsed.data.reason);
  } catch (error) {
    return refusalResponse(error, formData, { kind: "refused" as const });
  }
  const listed = `/onderzoek/${waveId}/panel?${panelListSearch(new URL(request.url).searchParams)}`;
  return redirect(withNotice(listed, "uitgesloten", { id: parsed.data.personId }));
}

export default function FrozenPanel() {
  const {
    wave,
    frozenByName,
    counts,
    laterExcluded,
    names,
    members,
    filter,
    exclusion,
    notice,
    listSearch,
    verification,
  } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const { t } = useTranslation();
  const base = `/onderzoek/${wave.id}/panel`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("panel.page.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("panel.page.title", { name: wave.name })}</h1>
      </div>
      {notice ? <SuccessNotice>{t("panel.page.excludedNotice", { name: notice })}</SuccessNotice> : null}

      <PanelMethod
        wave={wave}
        frozenByName={frozenByName}
        counts={counts}
        laterExcluded={laterExcluded}
        names={names}
        verification={verification}
        verifyTo={`${base}?controleer=1#method-heading`}
      />

      {counts ? <PanelCountTables counts={counts} regionName={wave.region_name} /> : <p>{t("panel.page.noCounts")}</p>}

      <p className="no-print">
        <Link to={`/onderzoek/${wave.id}/steekproeven`} className="btn-secondary">
          {t("samples.drawLink")}
        </Link>
      </p>

      <section aria-labelledby="members-heading" className="space-y-4">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t("panel.page.membersHeading")}
        </h2>
        <FilterForm resetTo={base}>
          <FilterSearch label={t("panel.page.search")} value={filter.q} />
          <FilterCheckbox name="uitgesloten" label={t("panel.page.excludedOnly")} checked={filter.excludedOnly} />
        </FilterForm>
        {exclusion ? (
          <LaterExclusionForm
            exclusion={exclusion}
            refusal={refusal}
            cancelTo={listSearch ? `${base}?${listSearch}` : base}
          />
        ) : null}
        <PanelMemberTable members={members} base={base} listSearch={listSearch} />
      </section>
    </div>
  );
}
