import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { FollowUpTable } from "../components/responses/follow-up-table";
import { pageTitle } from "../i18n/meta";
import { nonResponders } from "../models/panel-responses.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("responses.followUp.title", { name: data.wave.name }) : t("responses.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { record: regionOfWave(recordIdParam(params.waveId)) });
  const waveId = recordIdParam(params.waveId);
  const list = await nonResponders(context.db, waveId);
  if (!list) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (list.wave.status === "draft") throw redirect(`/onderzoek/${waveId}`);
  return json(list);
}

export default function FollowUpList() {
  const { wave, members, optedOut } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div>
        <p className="no-print text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}/respons`}>{t("responses.followUp.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("responses.followUp.title", { name: wave.name })}</h1>
      </div>
      <div className="space-y-2">
        <p>{t("responses.followUp.intro")}</p>
        <p className="font-semibold" data-testid="follow-up-count">
          {t("responses.followUp.count", { count: members.length })}
        </p>
        {optedOut > 0 ? <p className="text-sm">{t("responses.followUp.optedOut", { count: optedOut })}</p> : null}
      </div>
      {members.length === 0 ? (
        <p>{t("responses.followUp.none")}</p>
      ) : (
        <>
          <div className="no-print flex flex-wrap items-center gap-3 text-sm">
            <a href={`/onderzoek/${wave.id}/respons/nabellen/download`} className="btn-secondary" download>
              {t("responses.followUp.download")}
            </a>
            <button type="button" className="btn-secondary" onClick={() => window.print()}>
              {t("responses.followUp.print")}
            </button>
          </div>
          <FollowUpTable rows={members} />
        </>
      )}
    </div>
  );
}
