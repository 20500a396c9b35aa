import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { WaveMailings } from "../components/mailings/wave-mailings";
import { PanelExportLinks } from "../components/panel-export-links";
import { CheckboxField, HiddenField, SubmitButton, SuccessNotice, ValidatedForm } from "../components/form";
import { formatDay, formatMoment } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { mailingsOfWave } from "../models/mailings.server";
import { getWave, NEXT_WAVE_STATUS, ruleNamesFor, setWaveStatus } from "../models/survey-waves.server";
import { checkbox, choice, messageKey, parseForm, positiveInt } from "../services/form-data";
import { type Notice, noticeFrom, withNotice } from "../services/notices";
import { panelRulesInWords, type Translate } from "../services/panel-rules-text";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { waveScope } from "../models/panel-facts.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.wave.name ?? t("waves.title"));

/** The next status needs a ticked box: a confirmation that works without JavaScript. */
const statusSchema = z.object({
  version: positiveInt(),
  status: choice(["in_field", "closed"]),
  confirm: checkbox().refine((ticked) => ticked, messageKey("waves.errors.confirmStatus")),
});

const PAGE_NOTICES = ["aangemaakt", "opgeslagen", "status", "bevroren"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  aangemaakt: "waves.wave.created",
  opgeslagen: "waves.wave.saved",
  status: "waves.wave.statusChanged",
  bevroren: "waves.wave.frozen",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const wave = await getWave(context.db, recordIdParam(params.waveId));
  if (!wave) throw new Response(null, { status: 404, statusText: "Not Found" });
  return json({
    wave,
    names: await ruleNamesFor(context.db, wave.rules, user.language, waveScope(wave)),
    nextStatus: NEXT_WAVE_STATUS[wave.status] ?? null,
    mailings: wave.status === "draft" ? null : await mailingsOfWave(context.db, wave.id),
    notice: noticeFrom(new URL(request.url).searchParams, PAGE_NOTICES),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const id = recordIdParam(params.waveId);
  const formData = await request.formData();
  const parsed = parseForm(statusSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await setWaveStatus(context.db, user, id, parsed.data.version, parsed.data.status);
    return redirect(withNotice(`/onderzoek/${id}`, "status"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function Wave() {
  const { wave, names, nextStatus, notice, mailings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const words = panelRulesInWords(wave.rules, wave.reference_date, names, t as unknown as Translate, language);
  const status = t(`waves.statuses.${wave.status}`);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/onderzoek">{t("waves.wave.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{wave.name}</h1>
      </div>
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice], { status })}</SuccessNotice> : null}

      <section aria-labelledby="details-heading" className="card space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("waves.wave.details")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold">{t("regions.field.label")}</dt>
            <dd>{wave.region_name ?? t("regions.networkWide")}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("waves.fields.year")}</dt>
            <dd>{wave.year}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("waves.fields.referenceDate")}</dt>
            <dd>{formatDay(wave.reference_date, language)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("waves.columns.status")}</dt>
            <dd>{status}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("waves.columns.panelSize")}</dt>
            <dd>
              {wave.status === "draft" ? t("waves.notFrozenYet") : t("waves.panelSize", { count: wave.panelSize })}
            </dd>
          </div>
          {wave.frozen_at ? (
            <div>
              <dt className="font-semibold">{t("waves.wave.frozenAt")}</dt>
              <dd>{formatMoment(wave.frozen_at, language)}</dd>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <dt className="font-semibold">{t("waves.fields.linkTemplate")}</dt>
            <dd className="break-all">{wave.link_template}</dd>
          </div>
          {wave.method_notes ? (
            <div className="sm:col-span-2">
              <dt className="font-semibold">{t("waves.fields.methodNotes")}</dt>
              <dd className="whitespace-pre-line">{wave.method_notes}</dd>
            </div>
          ) : null}
        </dl>
        {wave.status === "draft" ? (
          <p>
            <Link to={`/onderzoek/${wave.id}/bewerken`}>{t("waves.wave.edit")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="rules-heading" className="card space-y-3">
        <h2 id="rules-heading" className="text-lg font-semibold">
          {t("waves.wave.rulesHeading")}
        </h2>
        <p>{words.text}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link to={`/onderzoek/${wave.id}/regels`}>
              {wave.status === "draft" ? t("waves.wave.editRules") : t("waves.wave.viewRules")}
            </Link>
          </li>
          {wave.status === "draft" ? (
            <li>
              <Link to={`/onderzoek/${wave.id}/voorbeeld`}>{t("waves.wave.preview")}</Link>
            </li>
          ) : (
            <li>
              <Link to={`/onderzoek/${wave.id}/panel`}>{t("waves.wave.panel")}</Link>
            </li>
          )}
          <li>
            <Link to={`/onderzoek/vergelijken?b=${wave.id}`}>{t("waves.wave.compare")}</Link>
          </li>
        </ul>
      </section>

      {wave.status !== "draft" ? (
        <div className="card">
          <PanelExportLinks waveId={wave.id} draft={false} canRunResearch />
        </div>
      ) : null}

      <WaveMailings waveId={wave.id} mailings={mailings} />

      <section aria-labelledby="status-heading" className="card space-y-3">
        <h2 id="status-heading" className="text-lg font-semibold">
          {t("waves.wave.statusHeading")}
        </h2>
        {wave.status === "draft" ? <p>{t("waves.wave.draftText")}</p> : null}
        {wave.status === "closed" ? <p>{t("waves.wave.closedText")}</p> : null}
        {nextStatus === "in_field" || nextStatus === "closed" ? (
          <>
            <p>{t(`waves.wave.nextStepText.${nextStatus}`)}</p>
            <ValidatedForm
              id="wave-status"
              key={`status-${wave.version}`}
              schema={statusSchema}
              actionData={actionData}
              defaultValues={{ version: wave.version, status: nextStatus }}
              className="space-y-4"
            >
              <HiddenField name="version" />
              <HiddenField name="status" />
              <CheckboxField
                name="confirm"
                label={t("waves.wave.confirm", { status: t(`waves.statuses.${nextStatus}`) })}
              />
              <SubmitButton>{t(`waves.wave.nextStep.${nextStatus}`)}</SubmitButton>
            </ValidatedForm>
          </>
        ) : null}
      </section>
    </div>
  );
}
