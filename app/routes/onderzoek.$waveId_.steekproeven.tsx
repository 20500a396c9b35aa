import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { SubmitButton, TextField, ValidatedForm } from "../components/form";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { RegisterError } from "../models/editing.server";
import { drawSample, samplesOfWave, sampleSource } from "../models/interview-samples.server";
import { parseForm } from "../services/form-data";
import { sampleFormDefaults, type SampleDrawAnswer, sampleSchema } from "../services/interview-sample-form";
import { withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("samples.list.title", { name: data.wave.name }) : t("samples.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { record: regionOfWave(recordIdParam(params.waveId)) });
  const waveId = recordIdParam(params.waveId);
  try {
    const { wave, eligible } = await sampleSource(context.db, waveId);
    return json({
      wave,
      eligible,
      samples: await samplesOfWave(context.db, waveId),
      defaults: sampleFormDefaults(new URL(request.url).searchParams),
    });
  } catch (error) {
    // a draft has no frozen panel to draw from: its preview is where it is frozen
    if (error instanceof RegisterError) throw redirect(`/onderzoek/${waveId}/voorbeeld`);
    throw error;
  }
}

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<TypedResponse<SampleDrawAnswer>> {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const waveId = recordIdParam(params.waveId);
  const formData = await request.formData();
  const parsed = parseForm(sampleSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const sampleId = await drawSample(context.db, user, waveId, parsed.data);
    return redirect(withNotice(`/onderzoek/${waveId}/steekproeven/${sampleId}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function InterviewSamples() {
  const { wave, eligible, samples, defaults } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}/panel`}>{t("samples.list.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("samples.list.title", { name: wave.name })}</h1>
      </div>
      <p>{t("samples.list.intro")}</p>

      <section aria-labelledby="draw-heading" className="card space-y-3">
        <h2 id="draw-heading" className="text-lg font-semibold">
          {t("samples.list.drawHeading")}
        </h2>
        <p>{t("samples.list.eligible", { count: eligible })}</p>
        <ValidatedForm
          id="sample-draw"
          schema={sampleSchema}
          actionData={refusal}
          defaultValues={defaults}
          className="space-y-4"
        >
          <TextField
            name="size"
            type="number"
            label={t("samples.fields.size")}
            hint={t("samples.fields.sizeHint")}
            required
          />
          <TextField name="seed" type="number" label={t("samples.fields.seed")} hint={t("samples.fields.seedHint")} />
          <SubmitButton>{t("samples.submit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="samples-heading" className="card space-y-3 overflow-x-auto">
        <h2 id="samples-heading" className="text-lg font-semibold">
          {t("samples.list.listHeading")}
        </h2>
        {samples.length === 0 ? (
          <p>{t("samples.list.none")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("samples.columns.drawnAt")}</th>
                <th scope="col">{t("samples.columns.drawnBy")}</th>
                <th scope="col" className="text-right">
                  {t("samples.columns.size")}
                </th>
                <th scope="col" className="text-right">
                  {t("samples.columns.population")}
                </th>
                <th scope="col" className="text-right">
                  {t("samples.columns.seed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {samples.map((sample) => (
                <tr key={sample.id}>
                  <td>
                    <Link
                      to={`/onderzoek/${wave.id}/steekproeven/${sample.id}`}
                      aria-label={t("samples.list.open", {
                        size: sample.size,
                        date: formatMoment(sample.drawn_at, language),
                      })}
                    >
                      {formatMoment(sample.drawn_at, language)}
                    </Link>
                  </td>
                  <td>{sample.drawnByName ?? t("panel.page.unknownUser")}</td>
                  <td className="text-right">{sample.size}</td>
                  <td className="text-right">{sample.population}</td>
                  <td className="text-right">{sample.seed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
