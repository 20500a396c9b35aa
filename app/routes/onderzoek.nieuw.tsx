import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { regionFieldOf, requirePermissionInChosenRegionOrNetwork } from "../auth/region.server";
import { SubmitButton, ValidatedForm } from "../components/form";
import { WaveFormFields, waveFieldsSchema } from "../components/wave-form";
import { RegionField, regionStart } from "../components/regions/region-field";
import { pageTitle } from "../i18n/meta";
import { createWave } from "../models/survey-waves.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("waves.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", { region: "current" });
  const field = await regionFieldOf(request, context, user, "research.run");
  return json({ ...field, networkWide: can(user, "research.run", "network") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, regionId } = await requirePermissionInChosenRegionOrNetwork(request, context, "research.run", formData);
  const parsed = parseForm(waveFieldsSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const wave = await createWave(context.db, user, parsed.data, regionId);
    return redirect(withNotice(`/onderzoek/${wave.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewWave() {
  const { regions, chosen, networkWide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/onderzoek">{t("waves.create.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("waves.create.title")}</h1>
      </div>
      <section className="card">
        <ValidatedForm
          id="new-wave"
          schema={waveFieldsSchema}
          actionData={actionData}
          defaultValues={{ year: new Date().getFullYear(), ...regionStart(chosen, [], networkWide) }}
          className="space-y-4"
        >
          <RegionField regions={regions} networkWide={networkWide} />
          <WaveFormFields />
          <SubmitButton>{t("waves.create.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
