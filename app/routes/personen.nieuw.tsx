import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { DuplicateWarning } from "../components/duplicates/duplicate-pairs";
import { CheckboxField, SubmitButton, ValidatedForm } from "../components/form";
import { PersonFormFields } from "../components/person-fields";
import { pageTitle } from "../i18n/meta";
import { likelyDuplicatesOfPerson } from "../models/duplicates.server";
import { createPerson } from "../models/people.server";
import { checkbox, parseForm, submittedValues } from "../services/form-data";
import { withNotice } from "../services/notices";
import { newPersonSchema } from "../services/person-form";
import { refusalResponse } from "../services/refusal.server";

/** The create form, plus "toch aanmaken" once the form came back with likely duplicates. */
const createPersonSchema = newPersonSchema.extend({ toch: checkbox() });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("people.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const parsed = parseForm(createPersonSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { toch: anyway, ...person } = parsed.data;
  if (!anyway) {
    // an address someone else has is refused by createPerson, with a link to them: not a warning
    const duplicates = await likelyDuplicatesOfPerson(context.db, person);
    if (duplicates.length > 0) {
      return json({ ok: false as const, values: submittedValues(formData), errors: {}, duplicates });
    }
  }
  try {
    const created = await createPerson(context.db, me, person);
    return redirect(withNotice(`/personen/${created.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewPerson() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const duplicates = actionData && "duplicates" in actionData ? actionData.duplicates : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/personen">{t("register.people.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.create.title")}</h1>
        <p className="mt-2 text-slate-700">{t("people.create.intro")}</p>
      </div>
      {duplicates ? <DuplicateWarning records="personen" duplicates={duplicates} /> : null}
      <ValidatedForm
        id="new-person"
        schema={createPersonSchema}
        actionData={actionData}
        defaultValues={{ preferred_language: "nl" }}
        className="card space-y-4"
      >
        <PersonFormFields withEmail />
        {duplicates ? <CheckboxField name="toch" label={t("duplicates.warning.confirm")} /> : null}
        <SubmitButton>{t("people.create.submit")}</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
