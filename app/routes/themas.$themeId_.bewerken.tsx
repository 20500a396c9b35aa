import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfTheme } from "../models/record-regions.server";
import { ArchiveSection } from "../components/archive-section";
import { HiddenField, SubmitButton, SuccessNotice, UndoNotice, ValidatedForm } from "../components/form";
import { ThemeFormFields, useThemeFieldLabels } from "../components/theme-forms";
import { formatMoment } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { archiveTheme, getTheme, restoreTheme, updateTheme } from "../models/themes.server";
import { parseForm } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { archiveSchemas, EDIT_NOTICES, type EditNotice, editThemeSchemas, isEditIntent } from "../services/theme-forms";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("themes.edit.themeTitle", { name: data.theme.name }) : t("themes.title")));

const NOTICE_TEXTS = {
  opgeslagen: "themes.edit.saved",
  gearchiveerd: "themes.edit.archivedTheme",
  hersteld: "themes.edit.restored",
  ongedaan: "common.form.undone",
} satisfies Record<EditNotice, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit", { record: regionOfTheme(recordIdParam(params.themeId)) });
  const found = await getTheme(context.db, recordIdParam(params.themeId));
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  return json({
    theme: found.theme,
    notice: noticeFrom(new URL(request.url).searchParams, Object.values(EDIT_NOTICES)),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfTheme(recordIdParam(params.themeId)),
  });
  const id = recordIdParam(params.themeId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isEditIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const parsed = parseForm(editThemeSchemas[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  try {
    const data = parsed.data;
    if (data.intent === "save") {
      const { intent: _intent, version, ...input } = data;
      await updateTheme(context.db, user, id, version, input);
    } else if (data.intent === "archive") {
      await archiveTheme(context.db, user, id, data.version);
    } else {
      await restoreTheme(context.db, user, id, data.version);
    }
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
  return redirect(withNotice(`/themas/${id}/bewerken`, EDIT_NOTICES[intent]));
}

export default function EditTheme() {
  const { theme, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const fieldLabels = useThemeFieldLabels();
  const saveAnswer = actionData?.intent === "save" ? actionData : null;
  const archiveAnswer = actionData && actionData.intent !== "save" ? actionData : null;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/themas/${theme.id}`}>{t("themes.actions.backToTheme", { name: theme.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("themes.edit.themeTitle", { name: theme.name })}</h1>
      </div>
      {notice === "gearchiveerd" ? (
        theme.archived_at ? (
          <UndoNotice fields={{ version: theme.version }}>{t(NOTICE_TEXTS[notice])}</UndoNotice>
        ) : null
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice>
      ) : null}

      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("themes.edit.heading")}
        </h2>
        <ValidatedForm
          id="edit-theme"
          key={`save-${theme.version}`}
          schema={editThemeSchemas.save}
          actionData={saveAnswer}
          defaultValues={{
            intent: "save",
            version: theme.version,
            name: theme.name,
            kind: theme.kind,
            description: theme.description,
          }}
          fieldLabels={fieldLabels}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <ThemeFormFields />
          <SubmitButton>{t("common.actions.save")}</SubmitButton>
        </ValidatedForm>
      </section>

      <ArchiveSection
        formId="theme"
        record={theme}
        schemas={archiveSchemas}
        texts={{
          archiveHeading: t("themes.edit.archiveHeading"),
          archiveConfirm: t("themes.edit.archiveConfirm", { name: theme.name }),
          archiveSubmit: t("themes.edit.archiveSubmit"),
          restoreHeading: t("themes.edit.restoreHeading"),
          restoreText: t("themes.edit.restoreText", { date: formatMoment(theme.archived_at ?? "", language) }),
          restoreSubmit: t("themes.edit.restoreSubmit"),
        }}
        actionData={archiveAnswer}
        fieldLabels={fieldLabels}
      >
        <p className="text-sm text-slate-700">{t("themes.edit.archiveThemeText")}</p>
      </ArchiveSection>
    </div>
  );
}
