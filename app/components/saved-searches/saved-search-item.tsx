import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { peopleListHref, type SavedSearchFilter } from "../../services/saved-search-filter";
import { restoreSchema, type SavedSearchAnswer, type SavedSearchIntent } from "../../services/saved-search-forms";
import { savedSearchFilterInWords } from "../../services/saved-search-text";
import { HiddenField, SubmitButton, ValidatedForm } from "../form";
import { SavedSearchEdit } from "./saved-search-edit";

interface SavedSearchEntry {
  id: number;
  name: string;
  version: number;
  archived_at: string | null;
  parsedFilter: SavedSearchFilter | null;
  organisation_name: string | null;
  matches: number;
}

/** One saved search: its filter in words, the people it finds today, and for editors its forms. */
export function SavedSearchItem({
  search,
  canEdit,
  regionName,
  refusal,
}: {
  search: SavedSearchEntry;
  canEdit: boolean;
  /** the search's region, named in the cross-region view */
  regionName: string | null;
  /** the action's refusal of one of this search's forms */
  refusal: SavedSearchAnswer | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (intent: SavedSearchIntent) => (refusal?.intent === intent ? refusal : null);
  const fieldLabels = {
    name: t("savedSearches.fieldLabels.name"),
    archived_at: t("savedSearches.fieldLabels.archived_at"),
  };
  return (
    <li id={`zoekopdracht-${search.id}`} className="card space-y-2">
      <h2 className="text-lg font-semibold">{search.name}</h2>
      {regionName ? (
        <p className="text-sm">
          <span className="font-semibold">{t("regions.column")}: </span>
          {regionName}
        </p>
      ) : null}
      <p className="text-sm">
        <span className="font-semibold">{t("savedSearches.columns.filter")}: </span>
        {savedSearchFilterInWords(search, t)}
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
        <SavedSearchEdit
          search={search}
          renameRefusal={forForm("rename")}
          archiveRefusal={forForm("archive")}
          fieldLabels={fieldLabels}
        />
      ) : null}
    </li>
  );
}
