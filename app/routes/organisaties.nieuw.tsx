import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { SubmitButton, ValidatedForm } from "../components/form";
import { createOrganisationSchema, OrganisationFields } from "../components/organisation-form";
import { pageTitle } from "../i18n/meta";
import { createOrganisation, organisationFilterOptions, parentChoices } from "../models/organisations.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("organisations.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const [{ sectors, subregions }, parents] = await Promise.all([
    organisationFilterOptions(context.db),
    parentChoices(context.db, null),
  ]);
  return json({ options: { sectors, subregions, parents } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const parsed = parseForm(createOrganisationSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const organisation = await createOrganisation(context.db, user, parsed.data);
    return redirect(withNotice(`/organisaties/${organisation.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewOrganisation() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/organisaties">{t("organisations.create.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("organisations.create.title")}</h1>
      </div>
      <section className="card" aria-label={t("organisations.create.title")}>
        <ValidatedForm
          id="new-organisation"
          schema={createOrganisationSchema}
          actionData={actionData}
          className="space-y-6"
        >
          <OrganisationFields options={options} />
          <SubmitButton>{t("organisations.create.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
