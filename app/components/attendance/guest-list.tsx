import { useTranslation } from "react-i18next";
import { useMessage } from "../form";
import type { DraftGuest, RegisterAnswer } from "../../services/attendance-draft";
import { GUEST_FIELD, intentValue } from "../../services/attendance-form";
import type { FormErrors } from "../../services/form-data";
import { GuestSearch } from "./guest-search";

/** The guests on the register, each with a button to take them off, and the search to add one. */
export function GuestList({
  guests,
  errors,
  answer,
}: {
  guests: DraftGuest[];
  errors: FormErrors;
  answer: RegisterAnswer | undefined;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const error = errors[GUEST_FIELD];
  return (
    <section aria-labelledby="guests-heading" className="space-y-3">
      <h2 id="guests-heading" className="text-lg font-semibold">
        {t("attendance.guests.heading")}
      </h2>
      {guests.length === 0 ? (
        <p className="text-sm text-slate-600">{t("attendance.guests.none")}</p>
      ) : (
        <ul className="space-y-2">
          {guests.map((guest) => (
            <li key={guest.id} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name={GUEST_FIELD} value={guest.id} />
              <span>
                {guest.name}
                {guest.organisation ? <span className="text-slate-600"> · {guest.organisation}</span> : null}
              </span>
              <button
                type="submit"
                name="intent"
                value={intentValue.removeGuest(guest.id)}
                className="btn-secondary px-2 py-1"
              >
                {t("attendance.guests.remove", { name: guest.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p id="guest-error" className="field-error">
          {message(error)}
        </p>
      ) : null}
      <GuestSearch answer={answer} hasError={!!error} />
    </section>
  );
}
