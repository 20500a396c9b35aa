import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { SubmitButton, ValidatedForm } from "../components/form";
import { ThemeFormFields } from "../components/theme-forms";
import { RegionField } from "../components/regions/region-field";
import { regionChoices, regionOrFirst } from "../models/regions.server";
import { regionIdFrom } from "../services/region-choice";
import { pageTitle } from "../i18n/meta";
import { createTheme } from "../models/themes.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { newThemeSchema } from "../services/theme-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("themes.newTheme.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit", { region: "current" });
  return json({ regions: await regionChoices(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const formData = await request.formData();
  const parsed = parseForm(newThemeSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const theme = await createTheme(
      context.db,
      user,
      parsed.data,
      await regionOrFirst(context.db, regionIdFrom(formData)),
    );
    return redirect(withNotice(`/themas/${theme.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewTheme() {
  const { regions } = useLoaderData<typeof loader>();
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
          defaultValues={{ kind: "inhoudelijk" }}
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
