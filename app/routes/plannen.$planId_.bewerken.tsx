import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfPlan } from "../models/record-regions.server";
import { ArchiveSection } from "../components/archive-section";
import { HiddenField, SubmitButton, SuccessNotice, UndoNotice, ValidatedForm } from "../components/form";
import { PlanFormFields, usePlanFieldLabels } from "../components/theme-forms";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { archivePlan, getPlan, planChoices, restorePlan, updatePlan } from "../models/plans.server";
import { parseForm } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { archiveSchemas, EDIT_NOTICES, type EditNotice, editPlanSchemas, isEditIntent } from "../services/theme-forms";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("themes.edit.planTitle", { name: data.plan.name }) : t("themes.plans.title")));

const NOTICE_TEXTS = {
  opgeslagen: "themes.edit.saved",
  gearchiveerd: "themes.edit.archivedPlan",
  hersteld: "themes.edit.restored",
  ongedaan: "common.form.undone",
} satisfies Record<EditNotice, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit", { record: regionOfPlan(recordIdParam(params.planId)) });
  const found = await getPlan(context.db, recordIdParam(params.planId), todayInAmsterdam());
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const { plan } = found;
  const choices = await planChoices(context.db, [plan.region_id], {
    themeId: plan.theme_id,
    leadOrganisationId: plan.lead_organisation_id,
  });
  return json({ plan, choices, notice: noticeFrom(new URL(request.url).searchParams, Object.values(EDIT_NOTICES)) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfPlan(recordIdParam(params.planId)),
  });
  const id = recordIdParam(params.planId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isEditIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const parsed = parseForm(editPlanSchemas[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  try {
    const data = parsed.data;
    if (data.intent === "save") {
      const { intent: _intent, version, ...input } = data;
      await updatePlan(context.db, user, id, version, input);
    } else if (data.intent === "archive") {
      await archivePlan(context.db, user, id, data.version);
    } else {
      await restorePlan(context.db, user, id, data.version);
    }
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
  return redirect(withNotice(`/plannen/${id}/bewerken`, EDIT_NOTICES[intent]));
}

export default function EditPlan() {
  const { plan, choices, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const fieldLabels = usePlanFieldLabels();
  const saveAnswer = actionData?.intent === "save" ? actionData : null;
  const archiveAnswer = actionData && actionData.intent !== "save" ? actionData : null;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/plannen/${plan.id}`}>{t("themes.actions.backToPlan", { name: plan.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("themes.edit.planTitle", { name: plan.name })}</h1>
      </div>
      {notice === "gearchiveerd" ? (
        plan.archived_at ? (
          <UndoNotice fields={{ version: plan.version }}>{t(NOTICE_TEXTS[notice])}</UndoNotice>
        ) : null
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice>
      ) : null}

      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("themes.edit.heading")}
        </h2>
        {plan.team_name ? <p className="text-sm text-slate-700">{t("themes.edit.teamNotRenamed")}</p> : null}
        <ValidatedForm
          id="edit-plan"
          key={`save-${plan.version}`}
          schema={editPlanSchemas.save}
          actionData={saveAnswer}
          defaultValues={{
            intent: "save",
            version: plan.version,
            name: plan.name,
            theme_id: plan.theme_id ?? "",
            funding_markers: plan.funding_markers,
            lead_organisation_id: plan.lead_organisation_id ?? "",
            subregion_ids: plan.subregion_ids.map(String),
            description: plan.description,
          }}
          fieldLabels={fieldLabels}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <PlanFormFields choices={choices} />
          <SubmitButton>{t("common.actions.save")}</SubmitButton>
        </ValidatedForm>
      </section>

      <ArchiveSection
        formId="plan"
        record={plan}
        schemas={archiveSchemas}
        texts={{
          archiveHeading: t("themes.edit.archiveHeading"),
          archiveConfirm: t("themes.edit.archiveConfirm", { name: plan.name }),
          archiveSubmit: t("themes.edit.archiveSubmit"),
          restoreHeading: t("themes.edit.restoreHeading"),
          restoreText: t("themes.edit.restoreText", { date: formatMoment(plan.archived_at ?? "", language) }),
          restoreSubmit: t("themes.edit.restoreSubmit"),
        }}
        actionData={archiveAnswer}
        fieldLabels={fieldLabels}
      >
        <p className="text-sm text-slate-700">{t("themes.edit.archivePlanText")}</p>
      </ArchiveSection>
    </div>
  );
}
