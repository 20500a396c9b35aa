import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { CheckboxField, HiddenField, SubmitButton, useMessage, ValidatedForm } from "../components/form";
import { Pagination } from "../components/lists";
import { PanelCountTables } from "../components/panel-count-tables";
import { PanelExportLinks } from "../components/panel-export-links";
import { formatDay } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { freezeWave } from "../models/panel-freeze.server";
import { panelPreview } from "../models/panel-preview.server";
import { ruleNamesFor } from "../models/survey-waves.server";
import { checkbox, parseForm, positiveInt } from "../services/form-data";
import { pageFrom, positiveIntFrom } from "../services/list-params";
import { displayName } from "../services/names";
import { withNotice } from "../services/notices";
import { emptiedByMessage } from "../services/panel-draw";
import { exclusionsInWords, panelRulesInWords, reasonsInWords, type Translate } from "../services/panel-rules-text";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { waveScope } from "../models/panel-facts.server";

/** The page of the list of excluded people: the members' list has `pagina`. */
const EXCLUDED_PAGE = "pagina-uitgesloten";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("waves.preview.title", { name: data.wave.name }) : t("waves.title")));

/** Freezing cannot be undone: it needs a ticked box, which works without JavaScript. */
const freezeSchema = z.object({
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, "waves.preview.confirmRequired"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const id = recordIdParam(params.waveId);
  const search = new URL(request.url).searchParams;
  const preview = await panelPreview(context.db, id, pageFrom(search), positiveIntFrom(search, EXCLUDED_PAGE) ?? 1);
  if (!preview) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (preview.wave.status !== "draft") return redirect(`/onderzoek/${id}/panel`);
  return json({
    ...preview,
    names: await ruleNamesFor(context.db, preview.wave.rules, user.language, waveScope(preview.wave)),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const id = recordIdParam(params.waveId);
  const formData = await request.formData();
  const parsed = parseForm(freezeSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await freezeWave(context.db, user, id, parsed.data.version);
    return redirect(withNotice(`/onderzoek/${id}`, "bevroren"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function WavePreview() {
  const { wave, names, strata, members, page, excluded, excludedPage, emptiedBy, comparison } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const translate = t as unknown as Translate;
  const language = i18n.language as Language;
  const words = panelRulesInWords(wave.rules, wave.reference_date, names, translate, language);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("waves.preview.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("waves.preview.title", { name: wave.name })}</h1>
        <p className="text-slate-700">{t("waves.preview.intro", { date: formatDay(wave.reference_date, language) })}</p>
      </div>

      <section aria-labelledby="summary-heading" className="card space-y-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t("waves.preview.summary")}
        </h2>
        <p>{words.text}</p>
        {emptiedBy ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {message(emptiedByMessage(emptiedBy))}
          </p>
        ) : (
          <p className="text-lg">
            <strong>{t("waves.preview.count", { count: strata.total })}</strong> ·{" "}
            {t("waves.preview.excludedCount", { count: excludedPage.total })}
          </p>
        )}
        <p>
          <Link to={`/onderzoek/${wave.id}/regels`}>{t("waves.preview.tuneRules")}</Link>
        </p>
      </section>

      {strata.total > 0 ? <PanelCountTables counts={strata} regionName={wave.region_name} /> : null}

      <section aria-labelledby="comparison-heading" className="card space-y-3">
        <h2 id="comparison-heading" className="text-lg font-semibold">
          {t("waves.preview.comparison")}
        </h2>
        {comparison ? (
          <>
            <p>
              {t("waves.preview.comparedWith", {
                name: comparison.wave.name,
                date: formatDay(comparison.wave.referenceDate, language),
              })}{" "}
              {t("waves.preview.comparisonCounts", {
                joined: comparison.joined.count,
                left: comparison.left.count,
                stayed: comparison.stayed,
              })}
            </p>
            <div className="grid gap-4 md:grid-cols-2">
              {(["joined", "left"] as const).map((side) => (
                <div key={side}>
                  <h3 className="font-semibold">{t(`waves.preview.${side}`, { count: comparison[side].count })}</h3>
                  <ul className="list-disc pl-5 text-sm">
                    {comparison[side].names.map((name, index) => (
                      <li key={`${name}-${index}`}>{name}</li>
                    ))}
                  </ul>
                  {comparison[side].count > comparison[side].names.length ? (
                    <p className="text-sm text-slate-600">
                      {t("waves.preview.andMore", { count: comparison[side].count - comparison[side].names.length })}
                    </p>
                  ) : null}
                </div>
              ))}
            </div>
          </>
        ) : (
          <p>{t("waves.preview.noPrevious")}</p>
        )}
      </section>

      {members.length > 0 ? (
        <section aria-labelledby="members-heading" className="card space-y-3 overflow-x-auto">
          <h2 id="members-heading" className="text-lg font-semibold">
            {t("waves.preview.members")}
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("waves.preview.name")}</th>
                <th scope="col">{t("waves.preview.organisation")}</th>
                <th scope="col">{t("waves.preview.level")}</th>
                <th scope="col">{t("waves.preview.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.personId}>
                  <td>
                    <Link to={`/personen/${member.personId}`}>
                      {displayName({ first_name: member.firstName, infix: member.infix, last_name: member.lastName })}
                    </Link>
                  </td>
                  <td>{member.attributes.organisationName ?? "—"}</td>
                  <td>{member.attributes.level ? t(`register.levels.${member.attributes.level}`) : "—"}</td>
                  <td>
                    <ul className="list-disc pl-5">
                      {reasonsInWords(member.reasons, translate).map((reason, index) => (
                        <li key={index}>{reason}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination {...page} />
        </section>
      ) : null}

      {excluded.length > 0 ? (
        <section aria-labelledby="excluded-heading" className="card space-y-3 overflow-x-auto">
          <h2 id="excluded-heading" className="text-lg font-semibold">
            {t("waves.preview.excluded")}
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("waves.preview.name")}</th>
                <th scope="col">{t("waves.preview.whyExcluded")}</th>
                <th scope="col">{t("waves.preview.wouldQualify")}</th>
              </tr>
            </thead>
            <tbody>
              {excluded.map((person) => (
                <tr key={person.personId}>
                  <td>
                    <Link to={`/personen/${person.personId}`}>
                      {displayName({ first_name: person.firstName, infix: person.infix, last_name: person.lastName })}
                    </Link>
                  </td>
                  <td>{exclusionsInWords(person.reasons, person.note, translate).join("; ")}</td>
                  <td>{reasonsInWords(person.qualifiedBy, translate).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination {...excludedPage} param={EXCLUDED_PAGE} label={t("waves.preview.excludedPages")} />
        </section>
      ) : null}

      <div className="card">
        <PanelExportLinks waveId={wave.id} draft canRunResearch />
      </div>

      <section aria-labelledby="freeze-heading" className="card space-y-3">
        <h2 id="freeze-heading" className="text-lg font-semibold">
          {t("waves.preview.freezeHeading")}
        </h2>
        <p>{t("waves.preview.freezeText")}</p>
        <ValidatedForm
          id="freeze"
          key={`freeze-${wave.version}`}
          schema={freezeSchema}
          actionData={actionData}
          defaultValues={{ version: wave.version }}
          className="space-y-4"
        >
          <HiddenField name="version" />
          <CheckboxField name="confirm" label={t("waves.preview.confirm", { count: strata.total })} />
          <SubmitButton className="btn-danger">{t("waves.preview.freeze")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
