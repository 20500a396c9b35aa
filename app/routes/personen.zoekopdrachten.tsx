import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import {
  CheckboxField,
  HiddenField,
  SubmitButton,
  SuccessNotice,
  TextField,
  UndoNotice,
  ValidatedForm,
} from "../components/form";
import { RefusalAlert } from "../components/refusal-alert";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import {
  archiveSavedSearch,
  getSavedSearch,
  listSavedSearches,
  renameSavedSearch,
  restoreSavedSearch,
  type SavedSearchListing,
} from "../models/saved-searches.server";
import { checkbox, parseForm, positiveInt, requiredText } from "../services/form-data";
import { oneOf, positiveIntFrom } from "../services/list-params";
import { refusalResponse } from "../services/refusal.server";
import { peopleListHref } from "../services/saved-search-filter";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("savedSearches.title"));

const renameSchema = z.object({
  intent: z.literal("rename"),
  id: positiveInt(),
  version: positiveInt(),
  name: requiredText(120),
});

/** Archiving needs a ticked box: a confirmation step that works without JavaScript. */
const archiveSchema = z.object({
  intent: z.literal("archive"),
  id: positiveInt(),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, "savedSearches.errors.confirmArchive"),
});

/** Restoring, from the archived list or from the undo button after archiving. */
const restoreSchema = z.object({
  intent: z.enum(["restore", "undo"]),
  id: positiveInt(),
  version: positiveInt(),
});

const SCHEMAS = { rename: renameSchema, archive: archiveSchema, restore: restoreSchema, undo: restoreSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;

/** What the notice after a change says; `bewaard` comes from the people list's "save search" form. */
const NOTICES = ["bewaard", "hernoemd", "gearchiveerd", "teruggezet"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const archived = params.get("archief") === "1";
  const notice = oneOf(params, "opgeslagen", NOTICES) ?? null;
  const noticeId = positiveIntFrom(params, "zoekopdracht");
  const noticeSearch = notice && noticeId ? await getSavedSearch(context.db, noticeId) : undefined;
  return json({
    searches: await listSavedSearches(context.db, todayInAmsterdam(), { archived }),
    archived,
    notice: noticeSearch
      ? {
          kind: notice!,
          id: noticeSearch.id,
          name: noticeSearch.name,
          version: noticeSearch.version,
          isArchived: noticeSearch.archived_at !== null,
        }
      : null,
    canEdit: can(me.role, "register.edit"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const id = formData.get("id");
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent, id }, { status: 400 });
  const data = parsed.data;
  const done = (notice: Notice) => redirect(`/personen/zoekopdrachten?opgeslagen=${notice}&zoekopdracht=${data.id}`);
  try {
    if ("name" in data) {
      await renameSavedSearch(context.db, user, data.id, data.version, data.name);
      return done("hernoemd");
    }
    if (intent === "archive") {
      await archiveSavedSearch(context.db, user, data.id, data.version);
      return done("gearchiveerd");
    }
    await restoreSavedSearch(context.db, user, data.id, data.version);
    return done("teruggezet");
  } catch (error) {
    return refusalResponse(error, formData, { intent, id });
  }
}

/** The filter in words: "werkt bij GGD Zuid Limburg en heeft toestemming voor onderzoeksmail". */
function filterInWords(search: Pick<SavedSearchListing, "parsedFilter" | "organisation_name">, t: TFunction): string {
  const filter = search.parsedFilter;
  if (!filter) return t("savedSearches.filter.unreadable");
  const parts: string[] = [];
  if (filter.q) parts.push(t("savedSearches.filter.q", { q: filter.q }));
  if (filter.organisationId) {
    parts.push(
      search.organisation_name
        ? t("savedSearches.filter.organisation", { organisation: search.organisation_name })
        : t("savedSearches.filter.organisationUnknown"),
    );
  }
  if (filter.researchConsent) parts.push(t("savedSearches.filter.researchConsent"));
  return parts.join(t("savedSearches.filter.joiner"));
}

export default function SavedSearches() {
  const { searches, archived, notice, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const undoRefusal = actionData?.intent === "undo" ? actionData : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/personen">{t("savedSearches.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {archived ? t("savedSearches.archived.heading") : t("savedSearches.title")}
        </h1>
        <p className="mt-2 text-sm text-slate-700">{t("savedSearches.intro")}</p>
      </div>
      {notice ? <NoticeFor notice={notice} /> : null}
      <RefusalAlert
        title={t("savedSearches.notices.undoRefused")}
        refusal={undoRefusal}
        staleText={t("savedSearches.notices.undoStale")}
      />
      <p className="text-sm">
        <Link to={archived ? "/personen/zoekopdrachten" : "/personen/zoekopdrachten?archief=1"}>
          {archived ? t("savedSearches.archived.hide") : t("savedSearches.archived.show")}
        </Link>
      </p>
      {searches.length === 0 ? (
        <p>{archived ? t("savedSearches.emptyArchived") : t("savedSearches.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {searches.map((search) => (
            <SearchItem key={search.id} search={search} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function NoticeFor({ notice }: { notice: NonNullable<LoaderData["notice"]> }) {
  const { t } = useTranslation();
  if (notice.kind === "gearchiveerd") {
    // the way back only while it is still archived (someone may have restored it already)
    return notice.isArchived ? (
      <UndoNotice fields={{ id: notice.id, version: notice.version }}>
        {t("savedSearches.notices.archived", { name: notice.name })}
      </UndoNotice>
    ) : null;
  }
  const text = {
    bewaard: t("savedSearches.notices.saved", { name: notice.name }),
    hernoemd: t("savedSearches.notices.renamed", { name: notice.name }),
    teruggezet: t("savedSearches.notices.restored", { name: notice.name }),
  }[notice.kind];
  return <SuccessNotice>{text}</SuccessNotice>;
}

function SearchItem({ search, canEdit }: { search: LoaderData["searches"][number]; canEdit: boolean }) {
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (intent: Intent) =>
    actionData?.intent === intent && actionData.id === String(search.id) ? actionData : null;
  const fieldLabels = {
    name: t("savedSearches.fieldLabels.name"),
    archived_at: t("savedSearches.fieldLabels.archived_at"),
  };
  const refused = forForm("rename") ?? forForm("archive");
  return (
    <li id={`zoekopdracht-${search.id}`} className="card space-y-2">
      <h2 className="text-lg font-semibold">{search.name}</h2>
      <p className="text-sm">
        <span className="font-semibold">{t("savedSearches.columns.filter")}: </span>
        {filterInWords(search, t)}
      </p>
      {search.archived_at ? (
        <p className="text-sm text-slate-600">
          {t("savedSearches.archived.since", { date: formatMoment(search.archived_at, language) })}
        </p>
      ) : null}
      {search.parsedFilter ? (
        <p className="text-sm">
          <Link to={peopleListHref(search.parsedFilter)}>{t("savedSearches.matches", { count: search.matches })}</Link>
        </p>
      ) : null}
      {canEdit && search.archived_at ? (
        <ValidatedForm
          id={`restore-${search.id}`}
          key={`restore-${search.id}-${search.version}`}
          schema={restoreSchema}
          actionData={forForm("restore")}
          fieldLabels={fieldLabels}
          defaultValues={{ intent: "restore", id: search.id, version: search.version }}
        >
          <HiddenField name="intent" />
          <HiddenField name="id" />
          <HiddenField name="version" />
          <SubmitButton className="btn-secondary">{t("savedSearches.edit.restoreSubmit")}</SubmitButton>
        </ValidatedForm>
      ) : null}
      {canEdit && !search.archived_at ? (
        <details open={refused !== null} className="text-sm">
          <summary
            className="cursor-pointer font-medium"
            aria-label={t("savedSearches.edit.summaryLabel", { name: search.name })}
          >
            {t("savedSearches.edit.summary")}
          </summary>
          <div className="mt-3 space-y-4">
            <ValidatedForm
              id={`rename-${search.id}`}
              key={`rename-${search.id}-${search.version}`}
              schema={renameSchema}
              actionData={forForm("rename")}
              fieldLabels={fieldLabels}
              defaultValues={{ intent: "rename", id: search.id, version: search.version, name: search.name }}
              className="flex flex-wrap items-end gap-3"
            >
              <HiddenField name="intent" />
              <HiddenField name="id" />
              <HiddenField name="version" />
              <TextField
                name="name"
                label={t("savedSearches.edit.name")}
                autoComplete="off"
                className="min-w-48 flex-1"
                required
              />
              <SubmitButton className="btn-secondary">{t("savedSearches.edit.renameSubmit")}</SubmitButton>
            </ValidatedForm>
            <ValidatedForm
              id={`archive-${search.id}`}
              key={`archive-${search.id}-${search.version}`}
              schema={archiveSchema}
              actionData={forForm("archive")}
              fieldLabels={fieldLabels}
              defaultValues={{ intent: "archive", id: search.id, version: search.version }}
              className="space-y-3"
            >
              <HiddenField name="intent" />
              <HiddenField name="id" />
              <HiddenField name="version" />
              <p className="text-slate-700">{t("savedSearches.edit.archiveText")}</p>
              <CheckboxField name="confirm" label={t("savedSearches.edit.archiveConfirm", { name: search.name })} />
              <SubmitButton className="btn-danger">{t("savedSearches.edit.archiveSubmit")}</SubmitButton>
            </ValidatedForm>
          </div>
        </details>
      ) : null}
    </li>
  );
}
