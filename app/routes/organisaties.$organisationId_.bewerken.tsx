import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionsOfOrganisation } from "../models/record-regions.server";
import { ArchiveSection } from "../components/archive-section";
import { HiddenField, SubmitButton, ValidatedForm } from "../components/form";
import {
  OrganisationFields,
  organisationFieldLabels,
  organisationFormValues,
  readableConflict,
  saveOrganisationSchema,
} from "../components/organisation-form";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import {
  archiveOrganisation,
  getOrganisationForEdit,
  organisationFilterOptions,
  organisationReferences,
  parentChoices,
  restoreOrganisation,
  updateOrganisation,
} from "../models/organisations.server";
import { archiveSchemas } from "../services/archive-forms";
import { regionsWithSubregions } from "../models/regions.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";
import { redirectIfMerged } from "../services/merge-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("organisations.edit.title", { name: data.organisation.name }) : t("register.organisations.title"),
  );

const ARCHIVE_SCHEMAS = archiveSchemas("organisations.errors.confirmArchive");

const SCHEMAS = { save: saveOrganisationSchema, ...ARCHIVE_SCHEMAS } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(SCHEMAS, value);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = recordIdParam(params.organisationId);
  await requirePermission(request, context, "register.edit", { record: regionsOfOrganisation(id) });
  const organisation = await getOrganisationForEdit(context.db, id);
  if (!organisation) throw new Response(null, { status: 404, statusText: "Not Found" });
  await redirectIfMerged(context, "organisations", id);
  const [{ sectors }, regions, parents, references] = await Promise.all([
    organisationFilterOptions(context.db),
    regionsWithSubregions(context.db),
    parentChoices(context.db, id),
    organisationReferences(context.db, id, todayInAmsterdam()),
  ]);
  return json({ organisation, options: { sectors, regions, parents }, references });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = recordIdParam(params.organisationId);
  const user = await requirePermission(request, context, "register.edit", { record: regionsOfOrganisation(id) });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const data = parsed.data;
  try {
    if ("name" in data) {
      await updateOrganisation(context.db, user, id, data.version, data);
      return redirect(withNotice(`/organisaties/${id}`, "opgeslagen"));
    }
    if (intent === "archive") {
      await archiveOrganisation(context.db, user, id, data.version);
      return redirect(withNotice(`/organisaties/${id}`, "gearchiveerd"));
    }
    await restoreOrganisation(context.db, user, id, data.version);
    return redirect(withNotice(`/organisaties/${id}`, "hersteld"));
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

export default function EditOrganisation() {
  const { organisation, options, references } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const names = {
    sectors: options.sectors,
    regions: options.regions,
    subregions: options.regions.flatMap((region) => region.subregions),
    organisations: options.parents,
  };
  // the refusal belongs to the form that was sent; what others changed is shown with names, not ids
  const forForm = (intent: Intent) =>
    actionData?.intent === intent
      ? { ...actionData, conflict: readableConflict(actionData.conflict, names, t, language) }
      : null;
  const fieldLabels = organisationFieldLabels(t);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/organisaties/${organisation.id}`}>
            {t("organisations.edit.back", { name: organisation.name })}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("organisations.edit.title", { name: organisation.name })}</h1>
      </div>

      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("organisations.edit.heading")}
        </h2>
        <ValidatedForm
          id="edit-organisation"
          key={`save-${organisation.version}`}
          schema={saveOrganisationSchema}
          actionData={forForm("save")}
          defaultValues={{ intent: "save", version: organisation.version, ...organisationFormValues(organisation) }}
          fieldLabels={fieldLabels}
          className="space-y-6"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <OrganisationFields options={options} />
          <SubmitButton>{t("organisations.edit.submit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <ArchiveSection
        formId="organisation"
        record={organisation}
        schemas={ARCHIVE_SCHEMAS}
        texts={{
          archiveHeading: t("organisations.edit.archiveHeading"),
          archiveConfirm: t("organisations.edit.archiveConfirm", { name: organisation.name }),
          archiveSubmit: t("organisations.edit.archiveSubmit"),
          restoreHeading: t("organisations.edit.restoreHeading"),
          restoreText: t("organisations.edit.restoreText", {
            date: formatMoment(organisation.archived_at ?? "", language),
          }),
          restoreSubmit: t("organisations.edit.restoreSubmit"),
        }}
        actionData={forForm(organisation.archived_at ? "restore" : "archive")}
        fieldLabels={fieldLabels}
      >
        <p className="text-sm text-slate-700">{t("organisations.edit.archiveText")}</p>
        <p className="text-sm text-slate-700">{t("organisations.edit.archiveReferences", references)}</p>
      </ArchiveSection>
    </div>
  );
}
