import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionFieldOf, requirePermissionInChosenRegion } from "../auth/region.server";
import { SubmitButton, ValidatedForm } from "../components/form";
import { ThemeFormFields } from "../components/theme-forms";
import { RegionField, regionStart } from "../components/regions/region-field";
import { pageTitle } from "../i18n/meta";
import { createTheme } from "../models/themes.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { newThemeSchema } from "../services/theme-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("themes.newTheme.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  return json(await regionFieldOf(request, context, user, "register.edit"));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, regionId } = await requirePermissionInChosenRegion(request, context, "register.edit", formData);
  const parsed = parseForm(newThemeSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const theme = await createTheme(context.db, user, parsed.data, regionId);
    return redirect(withNotice(`/themas/${theme.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewTheme() {
  const { regions, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/themas">{t("themes.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("themes.newTheme.title")}</h1>
      </div>
      <div className="card">
        <ValidatedForm
          id="new-theme"
          schema={newThemeSchema}
          actionData={actionData}
          defaultValues={{ kind: "inhoudelijk", ...regionStart(chosen) }}
          className="space-y-4"
        >
          <RegionField regions={regions} />
          <ThemeFormFields />
          <SubmitButton>{t("themes.newTheme.submit")}</SubmitButton>
        </ValidatedForm>
      </div>
    </div>
  );
}
