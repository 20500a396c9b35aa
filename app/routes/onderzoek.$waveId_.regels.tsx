import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { SuccessNotice } from "../components/form";
import { WaveRulesForm } from "../components/waves/rules-form";
import { pageTitle } from "../i18n/meta";
import { getWave, ruleChoices, ruleNamesFor, updateWaveRules } from "../models/survey-waves.server";
import { parseForm, submittedValues } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";
import { formValuesToRules, rulesFormSchema, rulesToFormValues } from "../services/panel-rules-form";
import { parseRulesIntent, RULES_SEARCH_FIELD, type WaveRulesAnswer } from "../services/panel-rules-round-trip";
import { reshapedRulesForm } from "../services/panel-rules-round-trip.server";
import { panelRulesInWords, type Translate } from "../services/panel-rules-text";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { waveScope } from "../models/panel-facts.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("waves.rules.title", { name: data.wave.name }) : t("waves.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const wave = await getWave(context.db, recordIdParam(params.waveId));
  if (!wave) throw new Response(null, { status: 404, statusText: "Not Found" });
  const choices = await ruleChoices(context.db, waveScope(wave));
  const levels = new Map(choices.bodies.map((body) => [body.id, body.level]));
  return json({
    wave,
    choices,
    names: await ruleNamesFor(context.db, wave.rules, user.language, waveScope(wave)),
    formValues: rulesToFormValues(wave.rules, (id) => levels.get(id)),
    saved: noticeFrom(new URL(request.url).searchParams, ["opgeslagen"]) !== null,
  });
}

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<TypedResponse<WaveRulesAnswer>> {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const id = recordIdParam(params.waveId);
  const formData = await request.formData();
  const intent = parseRulesIntent(formData.get("intent"), formData.get(RULES_SEARCH_FIELD));
  if (!intent) throw new Response(null, { status: 400, statusText: "Bad Request" });
  if (intent.kind !== "save") return json(await reshapedRulesForm(context.db, user.language, intent, formData));

  const parsed = parseForm(rulesFormSchema, formData);
  if (!parsed.ok) return json({ kind: "refused", ...parsed }, { status: 400 });
  const result = formValuesToRules(submittedValues(formData));
  if (!result.ok) throw new Error("the rules form's schema and conversion disagree");
  try {
    await updateWaveRules(context.db, user, id, Number(formData.get("version")), result.rules);
    return redirect(withNotice(`/onderzoek/${id}/regels`, "opgeslagen"));
  } catch (error) {
    return refusalResponse(error, formData, { kind: "refused" as const });
  }
}

export default function WaveRules() {
  const { wave, choices, names, formValues, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const words = panelRulesInWords(wave.rules, wave.reference_date, names, t as unknown as Translate, language);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("waves.rules.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("waves.rules.title", { name: wave.name })}</h1>
      </div>
      {saved ? <SuccessNotice>{t("waves.rules.saved")}</SuccessNotice> : null}
      <section aria-labelledby="words-heading" className="card space-y-2">
        <h2 id="words-heading" className="text-lg font-semibold">
          {t("waves.rules.summaryHeading")}
        </h2>
        <p data-testid="rules-in-words">{words.text}</p>
      </section>

      {wave.status !== "draft" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("waves.rules.readOnly")}
        </p>
      ) : (
        <WaveRulesForm
          version={wave.version}
          choices={choices}
          formValues={formValues}
          knownPeople={names.people}
          answer={answer}
        />
      )}
    </div>
  );
}
