import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionFieldOf, requirePermissionInChosenRegion } from "../auth/region.server";
import { SubmitButton, TextField, ValidatedForm } from "../components/form";
import { PlanFormFields } from "../components/theme-forms";
import { RegionField, regionStart } from "../components/regions/region-field";
import { pageTitle } from "../i18n/meta";
import { createPlan, planChoices } from "../models/plans.server";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { newPlanSchema } from "../services/theme-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("themes.newPlan.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const field = await regionFieldOf(request, context, user, "register.edit");
  const choices = await planChoices(
    context.db,
    field.regions.map((region) => region.id),
  );
  // from a theme's page: "new plan under this theme"
  const asked = positiveIntFrom(new URL(request.url).searchParams, "thema");
  const themeId = choices.themes.some((theme) => theme.id === asked) ? asked : undefined;
  return json({ choices, themeId, ...field });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, regionId } = await requirePermissionInChosenRegion(request, context, "register.edit", formData);
  const parsed = parseForm(newPlanSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { team_name: teamName, ...plan } = parsed.data;
  try {
    const created = await createPlan(context.db, user, { ...plan, teamName }, regionId);
    return redirect(withNotice(`/plannen/${created.plan.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewPlan() {
  const { choices, themeId, regions, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/plannen">{t("themes.plans.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("themes.newPlan.title")}</h1>
        <p className="mt-2 text-slate-700">{t("themes.newPlan.teamNote")}</p>
      </div>
      <div className="card">
        <ValidatedForm
          id="new-plan"
          schema={newPlanSchema}
          actionData={actionData}
          defaultValues={{
            theme_id: themeId ?? "",
            funding_markers: [],
            lead_organisation_id: "",
            subregion_ids: [],
            ...regionStart(choices.themes.find((theme) => theme.id === themeId)?.region_id ?? chosen, regions),
          }}
          className="space-y-4"
        >
          <RegionField regions={regions} />
          <PlanFormFields choices={choices} />
          <TextField
            name="team_name"
            label={t("themes.fields.teamName")}
            hint={t("themes.fields.teamNameHint")}
            autoComplete="off"
          />
          <SubmitButton>{t("themes.newPlan.submit")}</SubmitButton>
        </ValidatedForm>
      </div>
    </div>
  );
}
