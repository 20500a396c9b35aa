import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { CheckboxField, HiddenField, SubmitButton, ValidatedForm } from "../components/form";
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
import { checkbox, parseForm, positiveInt } from "../services/form-data";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("organisations.edit.title", { name: data.organisation.name }) : t("register.organisations.title")));

/** Archiving needs a ticked box: a confirmation step that works without JavaScript. */
const archiveSchema = z.object({
  intent: z.literal("archive"),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, "organisations.errors.confirmArchive"),
});

const restoreSchema = z.object({
  intent: z.literal("restore"),
  version: positiveInt(),
});

const SCHEMAS = { save: saveOrganisationSchema, archive: archiveSchema, restore: restoreSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const id = recordIdParam(params.organisationId);
  const organisation = await getOrganisationForEdit(context.db, id);
  if (!organisation) throw new Response(null, { status: 404, statusText: "Not Found" });
  const [{ sectors, subregions }, parents, references] = await Promise.all([
    organisationFilterOptions(context.db),
    parentChoices(context.db, id),
    organisationReferences(context.db, id, todayInAmsterdam()),
  ]);
  return json({ organisation, options: { sectors, subregions, parents }, references });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const id = recordIdParam(params.organisationId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const data = parsed.data;
  try {
    if ("name" in data) {
      await updateOrganisation(context.db, user, id, data.version, data);
      return redirect(`/organisaties/${id}?opgeslagen=1`);
    }
    if (intent === "archive") {
      await archiveOrganisation(context.db, user, id, data.version);
      return redirect(`/organisaties/${id}?gearchiveerd=1`);
    }
    await restoreOrganisation(context.db, user, id, data.version);
    return redirect(`/organisaties/${id}?hersteld=1`);
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

export default function EditOrganisation() {
  const { organisation, options, references } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const names = { sectors: options.sectors, subregions: options.subregions, organisations: options.parents };
  // the refusal belongs to the form that was sent; what others changed is shown with names, not ids
  const forForm = (intent: Intent) =>
    actionData?.intent === intent ? { ...actionData, conflict: readableConflict(actionData.conflict, names, t, language) } : null;
  const fieldLabels = organisationFieldLabels(t);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/organisaties/${organisation.id}`}>{t("organisations.edit.back", { name: organisation.name })}</Link>
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

      {organisation.archived_at ? (
        <section aria-labelledby="restore-heading" className="card space-y-4">
          <h2 id="restore-heading" className="text-lg font-semibold">
            {t("organisations.edit.restoreHeading")}
          </h2>
          <p className="text-sm text-slate-700">
            {t("organisations.edit.restoreText", { date: formatMoment(organisation.archived_at, language) })}
          </p>
          <ValidatedForm
            id="restore-organisation"
            key={`restore-${organisation.version}`}
            schema={restoreSchema}
            actionData={forForm("restore")}
            fieldLabels={fieldLabels}
            defaultValues={{ intent: "restore", version: organisation.version }}
          >
            <HiddenField name="intent" />
            <HiddenField name="version" />
            <SubmitButton className="btn-secondary">{t("organisations.edit.restoreSubmit")}</SubmitButton>
          </ValidatedForm>
        </section>
      ) : (
        <section aria-labelledby="archive-heading" className="card space-y-4">
          <h2 id="archive-heading" className="text-lg font-semibold">
            {t("organisations.edit.archiveHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("organisations.edit.archiveText")}</p>
          <p className="text-sm text-slate-700">{t("organisations.edit.archiveReferences", references)}</p>
          <ValidatedForm
            id="archive-organisation"
            key={`archive-${organisation.version}`}
            schema={archiveSchema}
            actionData={forForm("archive")}
            fieldLabels={fieldLabels}
            defaultValues={{ intent: "archive", version: organisation.version }}
            className="space-y-4"
          >
            <HiddenField name="intent" />
            <HiddenField name="version" />
            <CheckboxField name="confirm" label={t("organisations.edit.archiveConfirm", { name: organisation.name })} />
            <SubmitButton className="btn-danger">{t("organisations.edit.archiveSubmit")}</SubmitButton>
          </ValidatedForm>
        </section>
      )}
    </div>
  );
}
