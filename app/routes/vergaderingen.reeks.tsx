import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionFieldOf } from "../auth/region.server";
import { regionOfBody } from "../models/record-regions.server";
import { CreatedSeries } from "../components/meeting-series/created-series";
import { SeriesForm } from "../components/meeting-series/series-form";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { createSeries, getSeries, seriesBodyChoices } from "../models/meeting-series.server";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { noticeFrom, withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { seriesSchema } from "../services/series-form";
import { isSeriesIntent, type SeriesAnswer } from "../services/series-plan";
import { readableSeriesRefusal, seriesPreviewAnswer } from "../services/series-plan.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetingSeries.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const params = new URL(request.url).searchParams;
  // the bodies of the regions where the user may plan meetings (decision 048)
  const { regions } = await regionFieldOf(request, context, user, "register.edit");
  const bodies = await seriesBodyChoices(
    context.db,
    regions.map((region) => region.id),
  );
  const preselectedId = positiveIntFrom(params, "gremium");
  const createdId = noticeFrom(params, ["aangemaakt"]) ? positiveIntFrom(params, "id") : undefined;
  return json({
    bodies,
    preselected: bodies.find((body) => body.id === preselectedId) ?? null,
    created: createdId ? await getSeries(context.db, createdId) : null,
    today: todayInAmsterdam(),
  });
}

export async function action({ request, context }: ActionFunctionArgs): Promise<TypedResponse<SeriesAnswer>> {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const formData = await request.formData();
  // which of the form's two buttons was pressed; Enter in a field presses the first, the preview
  const intent = formData.get("intent");
  if (!isSeriesIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const parsed = parseForm(seriesSchema, formData);
  if (!parsed.ok) return json({ ...parsed, kind: "refused", intent }, { status: 400 });
  const { body_id: bodyId, ...input } = parsed.data;
  await requirePermission(request, context, "register.edit", { record: regionOfBody(bodyId) });
  try {
    if (intent === "preview") return json(await seriesPreviewAnswer(context.db, bodyId, input, formData));
    const { series } = await createSeries(context.db, user, bodyId, input);
    return redirect(withNotice("/vergaderingen/reeks", "aangemaakt", { id: series.id }));
  } catch (error) {
    return refusalResponse(readableSeriesRefusal(error, user.language), formData, {
      kind: "refused" as const,
      intent,
    });
  }
}

export default function PlanSeries() {
  const { bodies, preselected, created, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/vergaderingen">{t("meetingSeries.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("meetingSeries.title")}</h1>
      </div>
      {created ? (
        <CreatedSeries series={created} />
      ) : (
        <SeriesForm bodies={bodies} preselected={preselected} today={today} answer={answer} />
      )}
    </div>
  );
}
