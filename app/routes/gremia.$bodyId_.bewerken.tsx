import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfBody } from "../models/record-regions.server";
import {
  bodyFieldLabels,
  BodyFormFields,
  bodyFormValues,
  readableBodyConflict,
  saveBodySchema,
} from "../components/body-form";
import { ArchiveSection } from "../components/archive-section";
import { RefusalAlert } from "../components/refusal-alert";
import { HiddenField, SubmitButton, SuccessNotice, UndoNotice, ValidatedForm } from "../components/form";
import { formatMoment } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { archiveBody, bodyFormChoices, getBody, restoreBody, updateBody } from "../models/bodies.server";
import { archiveSchemas } from "../services/archive-forms";
import { parseForm, positiveInt } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { type Notice, noticeFrom, withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("bodies.edit.title", { name: data.body.name }) : t("register.bodies.title")));

const ARCHIVE_SCHEMAS = archiveSchemas("bodies.errors.confirmArchive");
/** The undo button after archiving restores against the version the archiving produced. */
const undoSchema = z.object({ intent: z.literal("undo"), version: positiveInt() });

const SCHEMAS = { save: saveBodySchema, ...ARCHIVE_SCHEMAS, undo: undoSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(SCHEMAS, value);

/** The notices of the archive section's forms; a save goes back to the body's page with its own. */
const PAGE_NOTICES = ["gearchiveerd", "hersteld", "ongedaan"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  gearchiveerd: "bodies.edit.archived",
  hersteld: "bodies.edit.restored",
  ongedaan: "bodies.edit.restored",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit", { record: regionOfBody(recordIdParam(params.bodyId)) });
  const id = recordIdParam(params.bodyId);
  const body = await getBody(context.db, id);
  if (!body) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const notice = noticeFrom(search, PAGE_NOTICES);
  return json({
    body,
    options: await bodyFormChoices(context.db, [body.region_id], id),
    notice,
    // the version the archiving produced: the undo button restores against it
    archivedVersion: notice === "gearchiveerd" && body.archived_at ? (positiveIntFrom(search, "versie") ?? null) : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfBody(recordIdParam(params.bodyId)),
  });
  const id = recordIdParam(params.bodyId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const data = parsed.data;
  try {
    if ("name" in data) {
      await updateBody(context.db, user, id, data.version, data);
      return redirect(withNotice(`/gremia/${id}`, "opgeslagen"));
    }
    if (intent === "archive") {
      const archived = await archiveBody(context.db, user, id, data.version);
      return redirect(withNotice(`/gremia/${id}/bewerken`, "gearchiveerd", { versie: archived.version }));
    }
    await restoreBody(context.db, user, id, data.version);
    return redirect(withNotice(`/gremia/${id}/bewerken`, intent === "undo" ? "ongedaan" : "hersteld"));
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

export default function EditBody() {
  const { body, options, notice, archivedVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (...intents: Intent[]) =>
    actionData && intents.includes(actionData.intent)
      ? {
          ...actionData,
          conflict:
            "conflict" in actionData ? readableBodyConflict(actionData.conflict, options, t, language) : undefined,
        }
      : null;
  const fieldLabels = bodyFieldLabels(t);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/gremia/${body.id}`}>{t("bodies.edit.back", { name: body.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("bodies.edit.title", { name: body.name })}</h1>
      </div>
      {notice === "gearchiveerd" ? (
        archivedVersion ? (
          <UndoNotice fields={{ version: archivedVersion }}>{t(NOTICE_TEXTS[notice], { name: body.name })}</UndoNotice>
        ) : null
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice], { name: body.name })}</SuccessNotice>
      ) : null}
      <RefusalAlert title={t("bodies.undoRefused")} refusal={forForm("undo")} staleText={t("bodies.edit.undoStale")} />

      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("bodies.edit.heading")}
        </h2>
        <ValidatedForm
          id="edit-body"
          key={`save-${body.version}`}
          schema={saveBodySchema}
          actionData={forForm("save")}
          defaultValues={{ intent: "save", version: body.version, ...bodyFormValues(body) }}
          fieldLabels={fieldLabels}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <BodyFormFields options={options} />
          <SubmitButton>{t("bodies.edit.submit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <ArchiveSection
        formId="body"
        record={body}
        schemas={ARCHIVE_SCHEMAS}
        texts={{
          archiveHeading: t("bodies.edit.archiveHeading"),
          archiveConfirm: t("bodies.edit.archiveConfirm", { name: body.name }),
          archiveSubmit: t("bodies.edit.archiveSubmit"),
          restoreHeading: t("bodies.edit.restoreHeading"),
          restoreText: t("bodies.edit.restoreText", { date: formatMoment(body.archived_at ?? "", language) }),
          restoreSubmit: t("bodies.edit.restoreSubmit"),
        }}
        actionData={forForm(body.archived_at ? "restore" : "archive")}
        fieldLabels={fieldLabels}
      >
        <p className="text-sm text-slate-700">{t("bodies.edit.archiveText")}</p>
      </ArchiveSection>
    </div>
  );
}
