import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { SuccessNotice } from "../components/form";
import { SampleMethod } from "../components/samples/sample-method";
import { SampleMemberTable, SampleStrataTable } from "../components/samples/sample-tables";
import { pageTitle } from "../i18n/meta";
import { getSample } from "../models/interview-samples.server";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("samples.sample.title", { name: data.sample.waveName }) : t("samples.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { record: regionOfWave(recordIdParam(params.waveId)) });
  const sample = await getSample(context.db, recordIdParam(params.waveId), recordIdParam(params.sampleId));
  if (!sample) throw new Response(null, { status: 404, statusText: "Not Found" });
  return json({ sample, notice: noticeFrom(new URL(request.url).searchParams, ["aangemaakt"] as const) });
}

export default function InterviewSample() {
  const { sample, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/onderzoek/${sample.waveId}/steekproeven`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={base}>{t("samples.sample.back", { name: sample.waveName })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("samples.sample.title", { name: sample.waveName })}</h1>
      </div>
      {notice ? <SuccessNotice>{t("samples.sample.drawn")}</SuccessNotice> : null}
      <SampleMethod sample={sample} />
      <p className="no-print">
        <Link to={`${base}?omvang=${sample.size}&startgetal=${sample.seed}`}>
          {t("samples.sample.redraw", { seed: sample.seed })}
        </Link>
      </p>
      <section aria-labelledby="sample-downloads-heading" className="card space-y-2">
        <h2 id="sample-downloads-heading" className="text-lg font-semibold">
          {t("samples.downloads.heading")}
        </h2>
        <p className="text-sm">{t("samples.downloads.intro")}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {(["namen", "pseudoniemen"] as const).flatMap((kind) =>
            (["csv", "xlsx"] as const).map((format) => (
              <li key={`${kind}-${format}`}>
                <a
                  href={`${base}/${sample.id}/download?soort=${kind}&formaat=${format}`}
                  className="underline"
                  download
                >
                  {t(kind === "namen" ? "samples.downloads.byName" : "samples.downloads.pseudonymised", {
                    format: format.toUpperCase(),
                  })}
                </a>
              </li>
            )),
          )}
        </ul>
      </section>
      <SampleStrataTable strata={sample.strata} regionName={sample.regionName} />
      <SampleMemberTable members={sample.members} />
    </div>
  );
}
