import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { AppliedResult } from "../components/responses/applied-result";
import { ResponseChart } from "../components/responses/response-chart";
import { StratumRateTables } from "../components/responses/stratum-rate-tables";
import { ResponseUploadForm } from "../components/responses/upload-form";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { requestLanguage } from "../i18n/request.server";
import { applyResponses, responseOverview } from "../models/panel-responses.server";
import { percentText } from "../services/attendance-figures";
import { type FormFailure, formFailure, messageKey } from "../services/form-data";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import type { AppliedResponses } from "../services/response-file-formats";
import { megabytesText, RESPONSE_FILE_MAX_BYTES } from "../services/upload-limits";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("responses.page.title", { name: data.wave.name }) : t("responses.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { record: regionOfWave(recordIdParam(params.waveId)) });
  const waveId = recordIdParam(params.waveId);
  const overview = await responseOverview(context.db, waveId, todayInAmsterdam());
  if (!overview) throw new Response(null, { status: 404, statusText: "Not Found" });
  // a draft has no tokens, so no response: its page is where it is drawn and frozen
  if (overview.wave.status === "draft") throw redirect(`/onderzoek/${waveId}`);
  return json({ ...overview, maxBytes: RESPONSE_FILE_MAX_BYTES });
}

/** What an upload answers when it does not fail: what it applied, or why the file was refused (status 400). */
export type ResponseUploadAnswer = { kind: "applied"; applied: AppliedResponses } | ({ kind: "refused" } & FormFailure);

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<TypedResponse<ResponseUploadAnswer>> {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const waveId = recordIdParam(params.waveId);
  const formData = await request.formData();
  const file = formData.get("file");
  if (!(file instanceof File) || (file.name === "" && file.size === 0))
    return json(
      { kind: "refused", ...formFailure(formData, { file: "responses.errors.chooseFile" }) },
      { status: 400 },
    );
  if (file.size > RESPONSE_FILE_MAX_BYTES) {
    const limit = megabytesText(RESPONSE_FILE_MAX_BYTES, requestLanguage(request, user));
    const refusal = formFailure(formData, { file: messageKey("responses.errors.tooLarge", { limit }) });
    return json({ kind: "refused", ...refusal }, { status: 413 });
  }
  try {
    const content = new Uint8Array(await file.arrayBuffer());
    const applied = await applyResponses(context.db, user, waveId, { name: file.name, content });
    return json({ kind: "applied", applied });
  } catch (error) {
    return refusalResponse(error, formData, { kind: "refused" as const });
  }
}

export default function Responses() {
  const { wave, total, excluded, strata, days, maxBytes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("responses.page.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("responses.page.title", { name: wave.name })}</h1>
      </div>

      <section aria-labelledby="summary-heading" className="card space-y-3">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t("responses.summary.heading")}
        </h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4" data-testid="response-summary">
          <div>
            <dt className="text-sm font-semibold">{t("responses.summary.rate")}</dt>
            <dd className="text-2xl font-bold tabular-nums">{percentText(total.rate)}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">{t("responses.summary.completed")}</dt>
            <dd className="text-2xl tabular-nums">{total.completed}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">{t("responses.summary.started")}</dt>
            <dd className="text-2xl tabular-nums">{total.started}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold">{t("responses.summary.members")}</dt>
            <dd className="text-2xl tabular-nums">{total.members}</dd>
          </div>
        </dl>
        <p className="text-sm">
          {t("responses.summary.explanation")}{" "}
          {excluded > 0 ? t("responses.summary.excluded", { count: excluded }) : null}
        </p>
        <p>
          <Link to={`/onderzoek/${wave.id}/respons/nabellen`}>{t("responses.page.followUpLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="upload-heading" className="card space-y-3 no-print">
        <h2 id="upload-heading" className="text-lg font-semibold">
          {t("responses.upload.heading")}
        </h2>
        {answer?.kind === "applied" ? <AppliedResult applied={answer.applied} /> : null}
        <ResponseUploadForm
          maxBytes={maxBytes}
          error={answer?.kind === "refused" ? (answer.errors.file ?? answer.errors._form) : undefined}
        />
      </section>

      <ResponseChart days={days} />
      <StratumRateTables
        strata={strata}
        regionName={wave.region_name}
        downloadPath={`/onderzoek/${wave.id}/respons/download`}
      />
    </div>
  );
}
