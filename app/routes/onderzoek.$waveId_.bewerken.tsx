import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { HiddenField, SubmitButton, ValidatedForm } from "../components/form";
import { waveFieldLabels, WaveFormFields, waveFieldsSchema } from "../components/wave-form";
import { pageTitle } from "../i18n/meta";
import { getWave, updateWave } from "../models/survey-waves.server";
import { parseForm, positiveInt } from "../services/form-data";
import { withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("waves.edit.title", { name: data.wave.name }) : t("waves.title")));

const saveSchema = waveFieldsSchema.extend({ version: positiveInt() });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { record: regionOfWave(recordIdParam(params.waveId)) });
  const wave = await getWave(context.db, recordIdParam(params.waveId));
  if (!wave) throw new Response(null, { status: 404, statusText: "Not Found" });
  return json({ wave });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const id = recordIdParam(params.waveId);
  const formData = await request.formData();
  const parsed = parseForm(saveSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { version, ...fields } = parsed.data;
    await updateWave(context.db, user, id, version, fields);
    return redirect(withNotice(`/onderzoek/${id}`, "opgeslagen"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function EditWave() {
  const { wave } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("waves.edit.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("waves.edit.title", { name: wave.name })}</h1>
      </div>
      {wave.status === "draft" ? (
        <section className="card">
          <ValidatedForm
            id="edit-wave"
            key={`save-${wave.version}`}
            schema={saveSchema}
            actionData={actionData}
            fieldLabels={waveFieldLabels(t)}
            defaultValues={{
              version: wave.version,
              name: wave.name,
              year: wave.year,
              reference_date: wave.reference_date,
              link_template: wave.link_template,
              method_notes: wave.method_notes,
            }}
            className="space-y-4"
          >
            <HiddenField name="version" />
            <WaveFormFields />
            <SubmitButton>{t("waves.edit.submit")}</SubmitButton>
          </ValidatedForm>
        </section>
      ) : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("waves.edit.frozen")}
        </p>
      )}
    </div>
  );
}
