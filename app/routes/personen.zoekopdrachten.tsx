import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { can } from "../auth/permissions";
import { RefusalAlert } from "../components/refusal-alert";
import { SavedSearchItem } from "../components/saved-searches/saved-search-item";
import { SavedSearchNotice } from "../components/saved-searches/saved-search-notice";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { regionOfSavedSearch } from "../models/record-regions.server";
import { getSavedSearch, listSavedSearches } from "../models/saved-searches.server";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { noticeFrom } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";
import { changeSavedSearch } from "../services/saved-search-changes.server";
import {
  isSavedSearchIntent,
  SAVED_SEARCH_NOTICES,
  SAVED_SEARCH_SCHEMAS,
  type SavedSearchAnswer,
} from "../services/saved-search-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("savedSearches.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const archived = params.get("archief") === "1";
  const notice = noticeFrom(params, SAVED_SEARCH_NOTICES);
  const noticeId = positiveIntFrom(params, "id");
  const noticeSearch = notice && noticeId ? await getSavedSearch(context.db, noticeId) : undefined;
  const scope = await listScope(request, context);
  const searches = await listSavedSearches(context.db, scope, todayInAmsterdam(), { archived });
  return json({
    searches: searches.map((search) => ({ ...search, editable: can(me, "register.edit", search.region_id) })),
    allRegions: scope === "all",
    archived,
    notice:
      notice && noticeSearch
        ? {
            kind: notice,
            id: noticeSearch.id,
            name: noticeSearch.name,
            version: noticeSearch.version,
            isArchived: noticeSearch.archived_at !== null,
          }
        : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs): Promise<TypedResponse<SavedSearchAnswer>> {
  const user = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isSavedSearchIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const id = formData.get("id");
  const refused = { kind: "refused" as const, intent, id: typeof id === "string" ? id : null };
  const parsed = parseForm(SAVED_SEARCH_SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, ...refused }, { status: 400 });
  // the search's own region decides, not the one looked at (decision 044); a missing one is the model's to refuse
  const regionId = await regionOfSavedSearch(parsed.data.id)(context.db);
  if (typeof regionId === "number" && !can(user, "register.edit", regionId))
    throw new Response(null, { status: 403, statusText: "Forbidden" });
  try {
    return redirect(await changeSavedSearch(context.db, user, parsed.data));
  } catch (error) {
    return refusalResponse(error, formData, refused);
  }
}

export default function SavedSearches() {
  const { searches, allRegions, archived, notice } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const { t } = useTranslation();
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
      {notice ? <SavedSearchNotice notice={notice} /> : null}
      <RefusalAlert
        title={t("savedSearches.notices.undoRefused")}
        refusal={refusal?.intent === "undo" ? refusal : null}
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
            <SavedSearchItem
              key={search.id}
              search={search}
              canEdit={search.editable}
              regionName={allRegions ? search.region_name : null}
              refusal={refusal?.id === String(search.id) ? refusal : null}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
