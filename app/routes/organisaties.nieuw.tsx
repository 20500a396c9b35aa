import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { DuplicateWarning } from "../components/duplicates/duplicate-pairs";
import { CheckboxField, SubmitButton, ValidatedForm } from "../components/form";
import { createOrganisationSchema, OrganisationFields } from "../components/organisation-form";
import { pageTitle } from "../i18n/meta";
import { regionsWithSubregions } from "../models/regions.server";
import { createOrganisation, organisationFilterOptions, parentChoices } from "../models/organisations.server";
import { likelyDuplicatesOfOrganisation } from "../models/duplicates.server";
import { checkbox, parseForm, submittedValues } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";

/** The create form, plus "toch aanmaken" once the form came back with likely duplicates. */
const newOrganisationSchema = createOrganisationSchema.extend({ toch: checkbox() });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("organisations.create.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const [{ sectors }, regions, parents] = await Promise.all([
    organisationFilterOptions(context.db),
    regionsWithSubregions(context.db),
    parentChoices(context.db, null),
  ]);
  return json({ options: { sectors, regions, parents } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const parsed = parseForm(newOrganisationSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { toch: anyway, ...fields } = parsed.data;
  if (!anyway) {
    // a name in use is refused by createOrganisation, with a link to the one that has it: not a warning
    const duplicates = (await likelyDuplicatesOfOrganisation(context.db, fields)).filter(
      (duplicate) => duplicate.name.toLocaleLowerCase("nl") !== fields.name.toLocaleLowerCase("nl"),
    );
    if (duplicates.length > 0) {
      return json({ ok: false as const, values: submittedValues(formData), errors: {}, duplicates });
    }
  }
  try {
    const organisation = await createOrganisation(context.db, user, fields);
    return redirect(withNotice(`/organisaties/${organisation.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function NewOrganisation() {
  const { options } = useLoaderData<typeof loader>();
  const onlyRegion = options.regions.length === 1 ? options.regions[0] : undefined;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const duplicates = actionData && "duplicates" in actionData ? actionData.duplicates : null;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/organisaties">{t("organisations.create.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("organisations.create.title")}</h1>
      </div>
      {duplicates ? <DuplicateWarning records="organisaties" duplicates={duplicates} /> : null}
      <section className="card" aria-label={t("organisations.create.title")}>
        <ValidatedForm
          id="new-organisation"
          schema={newOrganisationSchema}
          actionData={actionData}
          // in a register of one region a new organisation works there unless the editor unticks it
          defaultValues={{ region_ids: onlyRegion ? [String(onlyRegion.id)] : [] }}
          className="space-y-6"
        >
          <OrganisationFields options={options} />
          {duplicates ? <CheckboxField name="toch" label={t("duplicates.warning.confirm")} /> : null}
          <SubmitButton>{t("organisations.create.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
