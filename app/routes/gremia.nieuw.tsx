import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionFieldOf, requirePermissionInChosenRegion } from "../auth/region.server";
import { BodyFormFields, createBodySchema } from "../components/body-form";
import { SubmitButton, ValidatedForm } from "../components/form";
import { RegionField, regionStart } from "../components/regions/region-field";
import { pageTitle } from "../i18n/meta";
import { bodyFormChoices, createBody } from "../models/bodies.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("bodies.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const field = await regionFieldOf(request, context, user, "register.edit");
  const options = await bodyFormChoices(
    context.db,
    field.regions.map((region) => region.id),
  );
  return json({ options, ...field });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, regionId } = await requirePermissionInChosenRegion(request, context, "register.edit", formData);
  const parsed = parseForm(createBodySchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const body = await createBody(context.db, user, parsed.data, regionId);
    return redirect(withNotice(`/gremia/${body.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewBody() {
  const { options, regions, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/gremia">{t("bodies.create.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("bodies.create.title")}</h1>
      </div>
      <section aria-label={t("bodies.create.title")} className="card">
        <ValidatedForm
          id="new-body"
          schema={createBodySchema}
          actionData={actionData}
          defaultValues={{ kind: "", level: "", ...regionStart(chosen, regions) }}
          className="space-y-4"
        >
          <RegionField regions={regions} />
          <BodyFormFields options={options} />
          <SubmitButton>{t("bodies.create.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
