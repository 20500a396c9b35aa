import { useTranslation } from "react-i18next";
import { useMessage } from "../form";
import type { DraftRow, SearchAnswer } from "../../services/attendance-draft";
import { fieldAnchor, substituteField, substituteQueryField } from "../../services/attendance-form";

const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * Who stands in for a replaced member: a search, and the substitute picked with the people found.
 * Shown by CSS only while the row's "vervangen" is chosen, so it works without JavaScript.
 */
export function SubstitutePicker({
  row,
  error,
  search,
  round,
}: {
  row: DraftRow;
  error: string | undefined;
  search: SearchAnswer | undefined;
  round: number;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const { line } = row;
  const id = line.person_id;
  const choices: { id: number; name: string; organisations: string | null }[] = [
    ...(row.substitute ? [{ ...row.substitute, organisations: null }] : []),
    ...(search?.results.filter((person) => person.id !== row.substitute?.id) ?? []),
  ];

  return (
    <div className="mt-2 hidden space-y-2 group-has-[input[value=vervangen]:checked]:block">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1">
          <label htmlFor={fieldAnchor(substituteField(id))} className="text-sm font-medium">
            {t("attendance.substitute.search", { name: line.name })}
          </label>
          <input
            key={round}
            id={fieldAnchor(substituteField(id))}
            name={substituteQueryField(id)}
            type="search"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`substitute-hint-${id}`, !!error && `substitute-error-${id}`)}
            className="field-input"
          />
        </div>
        <button
          type="submit"
          name="intent"
          value="search"
          aria-label={t("attendance.substitute.searchButtonLabel", { name: line.name })}
          className="btn-secondary px-3 py-2"
        >
          {t("attendance.substitute.searchButton")}
        </button>
      </div>
      <p id={`substitute-hint-${id}`} className="text-xs text-slate-600">
        {t("attendance.substitute.hint")}
      </p>
      {error ? (
        <p id={`substitute-error-${id}`} className="field-error">
          {message(error)}
        </p>
      ) : null}
      {search && search.results.length === 0 ? (
        <p role="status" className="text-sm">
          {t("attendance.substitute.nothingFound", { query: search.query })}
        </p>
      ) : null}
      {choices.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium">
            {search
              ? t("attendance.substitute.found", { query: search.query })
              : t("attendance.substitute.legend", { name: line.name })}
          </legend>
          <div className="mt-1 space-y-1">
            {choices.map((person, index) => (
              <label key={person.id} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name={substituteField(id)}
                  value={person.id}
                  defaultChecked={person.id === row.substitute?.id}
                  // eslint-disable-next-line jsx-a11y/no-autofocus -- a search comes back as a new page (also without JavaScript): the cursor waits on the first person found
                  autoFocus={!!search && search.results.length > 0 && index === (row.substitute ? 1 : 0)}
                  className="h-4 w-4"
                />
                {person.name}
                {person.organisations ? <span className="text-slate-600"> · {person.organisations}</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
