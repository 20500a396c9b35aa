import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { SubmitButton, ValidatedForm } from "../components/form";
import { PersonFormFields } from "../components/person-fields";
import { pageTitle } from "../i18n/meta";
import { createPerson } from "../models/people.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { newPersonSchema } from "../services/person-form";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("people.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const parsed = parseForm(newPersonSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const person = await createPerson(context.db, me, parsed.data);
    return redirect(withNotice(`/personen/${person.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewPerson() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/personen">{t("register.people.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.create.title")}</h1>
        <p className="mt-2 text-slate-700">{t("people.create.intro")}</p>
      </div>
      <ValidatedForm
        id="new-person"
        schema={newPersonSchema}
        actionData={actionData}
        defaultValues={{ preferred_language: "nl" }}
        className="card space-y-4"
      >
        <PersonFormFields withEmail />
        <SubmitButton>{t("people.create.submit")}</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
