import { useTranslation } from "react-i18next";
import type { RegisterAnswer } from "../../services/attendance-draft";
import { fieldAnchor, fieldText, GUEST_FIELD, GUEST_QUERY_FIELD, intentValue } from "../../services/attendance-form";

/** The search for a guest, and a button to add each person found. */
export function GuestSearch({ answer, hasError }: { answer: RegisterAnswer | undefined; hasError: boolean }) {
  const { t } = useTranslation();
  const search = answer?.searches[GUEST_QUERY_FIELD];
  return (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor={fieldAnchor(GUEST_FIELD)} className="field-label">
            {t("attendance.guests.search")}
          </label>
          <p id="guest-hint" className="mt-1 text-sm text-slate-600">
            {t("attendance.guests.hint")}
          </p>
          <input
            key={answer?.round ?? 0}
            id={fieldAnchor(GUEST_FIELD)}
            name={GUEST_QUERY_FIELD}
            type="search"
            autoComplete="off"
            defaultValue={fieldText(answer?.values[GUEST_QUERY_FIELD])}
            aria-describedby={hasError ? "guest-hint guest-error" : "guest-hint"}
            className="field-input"
          />
        </div>
        <button type="submit" name="intent" value="search" className="btn-secondary">
          {t("attendance.guests.searchButton")}
        </button>
      </div>
      {search ? (
        search.results.length === 0 ? (
          <p role="status" className="text-sm">
            {t("attendance.guests.nothingFound", { query: search.query })}
          </p>
        ) : (
          <div className="space-y-2">
            <p role="status" className="text-sm font-medium">
              {t("attendance.guests.found", { query: search.query })}
            </p>
            <ul className="space-y-2">
              {search.results.map((person, index) => (
                <li key={person.id} className="flex flex-wrap items-center gap-3">
                  <button
                    type="submit"
                    name="intent"
                    value={intentValue.addGuest(person.id)}
                    // eslint-disable-next-line jsx-a11y/no-autofocus -- a search comes back as a new page (also without JavaScript): the cursor waits on the first person found
                    autoFocus={index === 0}
                    className="btn-secondary px-2 py-1"
                  >
                    {t("attendance.guests.add", { name: person.name })}
                  </button>
                  {person.organisations ? <span className="text-sm text-slate-600">{person.organisations}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </>
  );
}
