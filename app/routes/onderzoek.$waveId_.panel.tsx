import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { FilterCheckbox, FilterForm, FilterSearch } from "../components/filter-form";
import {
  CheckboxField,
  HiddenField,
  SubmitButton,
  SuccessNotice,
  TextAreaField,
  ValidatedForm,
} from "../components/form";
import { Pagination } from "../components/lists";
import { formatDay, formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import type { FrozenCounts } from "../models/panel-members.server";
import { frozenPanel, listPanelMembers, panelMember } from "../models/panel-members.server";
import { recordLaterExclusion } from "../models/panel-freeze.server";
import { ruleNamesFor } from "../models/survey-waves.server";
import { checkbox, parseForm, positiveInt } from "../services/form-data";
import { pageFrom, positiveIntFrom } from "../services/list-params";
import { displayName, listName } from "../services/names";
import type { PanelAttributes } from "../services/panel-rules-schema";
import { panelRulesInWords, reasonsInWords, type Translate } from "../services/panel-rules-text";
import { PanelCountTables } from "../components/panel-count-tables";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("panel.page.title", { name: data.wave.name }) : t("panel.title")));

/** A later exclusion: a reason, and a ticked box because it cannot be undone. */
const exclusionSchema = z.object({
  personId: positiveInt(),
  reason: z
    .string({ error: "waves.errors.exclusionReasonRequired" })
    .trim()
    .min(1, "waves.errors.exclusionReasonRequired")
    .max(500, "waves.errors.exclusionReasonTooLong"),
  confirm: checkbox().refine((ticked) => ticked, "panel.exclude.confirmRequired"),
});

/** The list's own parameters, carried from the page through the exclusion form and back. */
const LIST_PARAMS = ["q", "uitgesloten", "pagina"] as const;

function listSearch(url: URL, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = url.searchParams.get(name);
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run");
  const waveId = recordIdParam(params.waveId);
  const panel = await frozenPanel(context.db, waveId);
  if (!panel) throw new Response(null, { status: 404, statusText: "Not Found" });
  // a draft has no panel yet: its preview is where it is drawn and frozen
  if (panel.wave.status === "draft") throw redirect(`/onderzoek/${waveId}/voorbeeld`);

  const url = new URL(request.url);
  const filter = {
    q: url.searchParams.get("q")?.trim() || undefined,
    excludedOnly: url.searchParams.get("uitgesloten") === "1",
    page: pageFrom(url.searchParams),
  };
  const excludeId = positiveIntFrom(url.searchParams, "uitsluiten");
  const noticeId =
    url.searchParams.get("opgeslagen") === "uitgesloten" ? positiveIntFrom(url.searchParams, "persoon") : undefined;
  const [members, names, excluding, noticeMember] = await Promise.all([
    listPanelMembers(context.db, waveId, filter),
    ruleNamesFor(context.db, panel.wave.rules, user.language),
    excludeId === undefined ? null : panelMember(context.db, waveId, excludeId),
    noticeId === undefined ? null : panelMember(context.db, waveId, noticeId),
  ]);
  return json({
    ...panel,
    names,
    members,
    filter,
    exclusion: excludeId === undefined ? null : { personId: excludeId, member: excluding },
    notice: noticeMember ? displayName(noticeMember) : null,
    listSearch: listSearch(url),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run");
  const waveId = recordIdParam(params.waveId);
  const formData = await request.formData();
  const parsed = parseForm(exclusionSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await recordLaterExclusion(context.db, user, waveId, parsed.data.personId, parsed.data.reason);
  } catch (error) {
    return refusalResponse(error, formData);
  }
  const search = listSearch(new URL(request.url), { opgeslagen: "uitgesloten", persoon: String(parsed.data.personId) });
  return redirect(`/onderzoek/${waveId}/panel?${search}`);
}

function bodiesInWords(attributes: PanelAttributes, t: TFunction): string[] {
  return attributes.bodies.map((body) =>
    t("panel.bodyRole", { role: t(`register.roles.${body.role}`), body: body.abbreviation ?? body.name }),
  );
}

/** The day of a moment in Amsterdam, written out: "5 oktober 2025". */
const dayOf = (moment: string, language: Language) => formatDay(todayInAmsterdam(new Date(moment)), language);

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
    listSearch: search,
  } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const words = panelRulesInWords(wave.rules, wave.reference_date, names, t as unknown as Translate, language);
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

      <section aria-labelledby="method-heading" className="card max-w-4xl space-y-3">
        <h2 id="method-heading" className="text-lg font-semibold">
          {t("panel.page.methodHeading")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold">{t("panel.page.referenceDate")}</dt>
            <dd>{formatDay(wave.reference_date, language)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("waves.columns.status")}</dt>
            <dd>{t(`waves.statuses.${wave.status}`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("panel.page.frozenAt")}</dt>
            <dd>{formatMoment(wave.frozen_at, language)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("panel.page.frozenBy")}</dt>
            <dd>{frozenByName ?? t("panel.page.unknownUser")}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="font-semibold">{t("panel.page.size")}</dt>
            <dd>
              {t("panel.page.sizeText", {
                total: counts?.total ?? wave.panelSize,
                excluded: counts?.excluded ?? 0,
                later: laterExcluded,
              })}
            </dd>
          </div>
          {counts && Object.keys(counts.exclusionsByReason).length > 0 ? (
            <div className="sm:col-span-2">
              <dt className="font-semibold">{t("panel.page.exclusionsAtDraw")}</dt>
              <dd>
                <ul className="list-disc pl-5">
                  {Object.entries(counts.exclusionsByReason).map(([reason, count]) => (
                    <li key={reason}>
                      {t(`panel.drawExclusions.${reason as keyof FrozenCounts["exclusionsByReason"]}`, { count })}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <dt className="font-semibold">{t("panel.page.rules")}</dt>
            <dd>{words.text}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="font-semibold">{t("panel.page.contentHash")}</dt>
            <dd>
              <code className="break-all">{wave.content_hash}</code>
              <p className="mt-1 text-slate-600">{t("panel.page.contentHashHint")}</p>
            </dd>
          </div>
          {wave.method_notes ? (
            <div className="sm:col-span-2">
              <dt className="font-semibold">{t("waves.fields.methodNotes")}</dt>
              <dd className="whitespace-pre-line">{wave.method_notes}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {counts ? <PanelCountTables counts={counts} /> : <p>{t("panel.page.noCounts")}</p>}

      <section aria-labelledby="members-heading" className="space-y-4">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t("panel.page.membersHeading")}
        </h2>
        <FilterForm resetTo={base}>
          <FilterSearch label={t("panel.page.search")} value={filter.q} />
          <FilterCheckbox name="uitgesloten" label={t("panel.page.excludedOnly")} checked={filter.excludedOnly} />
        </FilterForm>
        {exclusion ? <ExclusionForm exclusion={exclusion} cancelTo={search ? `${base}?${search}` : base} /> : null}
        <div className="card overflow-x-auto">
          {members.rows.length === 0 ? (
            <p>{t("panel.page.noMembers")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("panel.columns.name")}</th>
                  <th scope="col">{t("panel.columns.organisation")}</th>
                  <th scope="col">{t("panel.columns.level")}</th>
                  <th scope="col">{t("panel.columns.bodies")}</th>
                  <th scope="col">{t("panel.columns.reasons")}</th>
                  <th scope="col">{t("panel.columns.status")}</th>
                  <th scope="col">{t("panel.columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {members.rows.map((member) => (
                  <tr key={member.person_id}>
                    <td>
                      <Link to={`/personen/${member.person_id}`}>{listName(member)}</Link>
                    </td>
                    <td>
                      {member.attributes.organisationName ?? t("panel.none.organisation")}
                      {member.attributes.sectorName ? (
                        <span className="block text-xs text-slate-600">{member.attributes.sectorName}</span>
                      ) : null}
                    </td>
                    <td>{member.level ? t(`register.levels.${member.level}`) : t("panel.none.level")}</td>
                    <td>
                      <ul>
                        {bodiesInWords(member.attributes, t).map((text) => (
                          <li key={text}>{text}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <ul>
                        {reasonsInWords(member.reasons, t as unknown as Translate).map((reason, index) => (
                          <li key={index}>
                            {t("panel.reasonWithRule", { reason, number: member.reasons[index]!.ruleIndex + 1 })}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {member.excluded_at ? (
                        <>
                          {t("panel.status.excluded", {
                            date: dayOf(member.excluded_at, language),
                            reason: member.exclusion_reason ?? "",
                          })}
                          {member.excluded_by_name ? (
                            <span className="block text-xs text-slate-600">
                              {t("panel.status.excludedBy", { name: member.excluded_by_name })}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        t("panel.status.inPanel")
                      )}
                    </td>
                    <td>
                      {member.excluded_at ? null : (
                        <Link
                          to={`${base}?${new URLSearchParams([...new URLSearchParams(search), ["uitsluiten", String(member.person_id)]])}#uitsluiten`}
                        >
                          {t("panel.exclude.link")}
                          <span className="sr-only"> ({displayName(member)})</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination {...members.page} />
        </div>
      </section>
    </div>
  );
}

type Exclusion = {
  personId: number;
  member: {
    first_name: string | null;
    infix: string | null;
    last_name: string;
    excluded_at: string | null;
    exclusion_reason: string | null;
  } | null;
};

/** Shown for `?uitsluiten=<personId>`: the member's form, or why there is none. */
function ExclusionForm({ exclusion, cancelTo }: { exclusion: Exclusion; cancelTo: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { member } = exclusion;
  if (!member) {
    return (
      <p id="uitsluiten" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t("panel.exclude.notMember")}
      </p>
    );
  }
  const name = displayName(member);
  // a refusal comes back with the form; without one, an excluded member has nothing left to record
  if (member.excluded_at && !actionData) {
    return (
      <p
        id="uitsluiten"
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      >
        {t("panel.exclude.alreadyExcluded", {
          name,
          date: dayOf(member.excluded_at, language),
          reason: member.exclusion_reason ?? "",
        })}
      </p>
    );
  }
  return (
    <section id="uitsluiten" aria-labelledby="exclude-heading" className="card max-w-2xl space-y-3 border-amber-300">
      <h3 id="exclude-heading" className="text-lg font-semibold">
        {t("panel.exclude.heading", { name })}
      </h3>
      <p className="text-sm">{t("panel.exclude.intro")}</p>
      <ValidatedForm
        id="later-exclusion"
        key={`${exclusion.personId}${location.search}`}
        schema={exclusionSchema}
        actionData={actionData}
        defaultValues={{ personId: exclusion.personId }}
        className="space-y-4"
      >
        <HiddenField name="personId" />
        <TextAreaField
          name="reason"
          label={t("panel.exclude.reason")}
          hint={t("panel.exclude.reasonHint")}
          rows={3}
          required
        />
        <CheckboxField name="confirm" label={t("panel.exclude.confirm", { name })} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{t("panel.exclude.submit")}</SubmitButton>
          <Link to={cancelTo} className="btn-secondary">
            {t("panel.exclude.cancel")}
          </Link>
        </div>
      </ValidatedForm>
    </section>
  );
}
