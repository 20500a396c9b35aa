import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { SubmitButton, ValidatedForm } from "../components/form";
import { WaveFormFields, waveFieldsSchema } from "../components/wave-form";
import { RegionField } from "../components/regions/region-field";
import { regionChoices, regionOrFirst } from "../models/regions.server";
import { regionIdFrom } from "../services/region-choice";
import { pageTitle } from "../i18n/meta";
import { createWave } from "../models/survey-waves.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("waves.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { region: "current" });
  return json({ regions: await regionChoices(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", { region: "current" });
  const formData = await request.formData();
  const parsed = parseForm(waveFieldsSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const wave = await createWave(
      context.db,
      user,
      parsed.data,
      await regionOrFirst(context.db, regionIdFrom(formData)),
    );
    return redirect(withNotice(`/onderzoek/${wave.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewWave() {
  const { regions } = useLoaderData<typeof loader>();
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
          defaultValues={{ year: new Date().getFullYear() }}
          className="space-y-4"
        >
          <RegionField regions={regions} />
          <WaveFormFields />
          <SubmitButton>{t("waves.create.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
