import { useTranslation } from "react-i18next";
import { ConflictList, useMessage } from "../form";
import { fieldAnchor } from "../../services/attendance-form";
import { FORM_ERROR, type ConcurrentChange, type FormErrors } from "../../services/form-data";

/**
 * Why the register was not saved, at the top of the form: each message names its row and links to
 * the field; after a conflict, what others saved meanwhile.
 */
export function RegisterErrorSummary({
  errors,
  conflict,
  nameOfRow,
}: {
  errors: FormErrors;
  conflict: ConcurrentChange[] | undefined;
  nameOfRow: (field: string) => string | null;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  return (
    <div
      tabIndex={-1}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- a refused post comes back as a new page (also without JavaScript): the focus goes to why
      autoFocus
      role="alert"
      aria-labelledby="register-errors"
      className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900"
    >
      <h2 id="register-errors" className="font-semibold">
        {conflict ? t("common.form.conflictTitle") : t("common.form.summary")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {Object.entries(errors).map(([field, key]) => {
          const name = nameOfRow(field);
          const text = name ? `${name}: ${message(key)}` : message(key);
          return (
            <li key={field}>
              {field === FORM_ERROR ? (
                text
              ) : (
                <a href={`#${fieldAnchor(field)}`} className="text-red-900 underline">
                  {text}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      {conflict ? (
        <ConflictList changes={conflict} fieldLabels={{ status: t("attendance.conflictFields.status") }} />
      ) : null}
    </div>
  );
}
