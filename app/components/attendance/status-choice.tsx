import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../form";
import type { DraftRow } from "../../services/attendance-draft";
import { fieldAnchor, MEMBER_STATUSES, statusField } from "../../services/attendance-form";

/** Digits 1–4 choose a status in the row that has the focus (the arrows keep working as usual). */
function chooseStatusByDigit(event: KeyboardEvent<HTMLInputElement>) {
  const radio = event.currentTarget;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const status = MEMBER_STATUSES[Number(event.key) - 1];
  if (!/^[1-4]$/.test(event.key) || !status) return;
  const option = radio.form?.querySelector<HTMLInputElement>(`input[name="${radio.name}"][value="${status}"]`);
  if (!option) return;
  event.preventDefault();
  option.checked = true;
  option.focus();
}

/** A row's status: one radio group, one tab stop. */
export function StatusChoice({
  row,
  error,
  focusStatus,
}: {
  row: DraftRow;
  error: string | undefined;
  focusStatus: boolean;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const { line } = row;
  const id = line.person_id;
  return (
    <fieldset
      id={fieldAnchor(statusField(id))}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `status-error-${id}` : undefined}
    >
      <legend className="sr-only">{t("attendance.statusOf", { name: line.name })}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {MEMBER_STATUSES.map((status, index) => (
          <label key={status} className="flex items-center gap-1.5 whitespace-nowrap text-sm">
            <input
              type="radio"
              name={statusField(id)}
              value={status}
              defaultChecked={row.status === status}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- after "everyone present" the page comes back with the cursor on the first person, ready for the exceptions
              autoFocus={focusStatus && (row.status === status || (row.status === null && index === 0))}
              onKeyDown={chooseStatusByDigit}
              className="h-4 w-4"
            />
            {t(`meetings.attendanceStatuses.${status}`)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`status-error-${id}`} className="field-error">
          {message(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
