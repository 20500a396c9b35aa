import { useTranslation } from "react-i18next";
import type { PersonEditNotice } from "../../services/person-edit-forms";
import { SuccessNotice, UndoNotice } from "../form";

/**
 * The messages at the top of a person's edit page after a change: a plain confirmation, or for
 * an archive or an address removal one with an undo button.
 */
export function PersonEditNotices({
  name,
  saved,
  archivedVersion,
  removed,
}: {
  name: string;
  saved: PersonEditNotice | null;
  /** the version the archive produced, which its undo restores against */
  archivedVersion: number | null;
  removed: { email: string; audit: number } | null;
}) {
  const { t } = useTranslation();
  const savedText = {
    save: t("people.edit.saved"),
    addEmail: t("people.edit.emailAdded"),
    primaryEmail: t("people.edit.emailPrimary"),
    consent: t("people.consent.saved"),
    restore: t("people.edit.restored", { name }),
    undo: t("common.form.undone"),
  };
  return (
    <>
      {saved ? <SuccessNotice>{savedText[saved]}</SuccessNotice> : null}
      {archivedVersion ? (
        <UndoNotice fields={{ wat: "archive", version: archivedVersion }}>
          {t("people.edit.archived", { name })}
        </UndoNotice>
      ) : null}
      {removed ? (
        <UndoNotice fields={{ wat: "email", audit: removed.audit }}>
          {t("people.edit.emailRemoved", { email: removed.email })}
        </UndoNotice>
      ) : null}
    </>
  );
}
