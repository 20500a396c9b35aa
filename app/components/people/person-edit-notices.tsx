import { useTranslation } from "react-i18next";
import type { MessageKey } from "../../i18n/keys";
import type { PersonEditNotice } from "../../services/person-edit-forms";
import { SuccessNotice, UndoNotice } from "../form";

const NOTICE_TEXTS = {
  opgeslagen: "people.edit.saved",
  toegevoegd: "people.edit.emailAdded",
  primair: "people.edit.emailPrimary",
  toestemming: "people.consent.saved",
  gearchiveerd: "people.edit.archived",
  hersteld: "people.edit.restored",
  verwijderd: "people.edit.emailRemoved",
  ongedaan: "common.form.undone",
  werktWeer: "people.bounce.cleared",
} satisfies Record<PersonEditNotice, MessageKey>;

/**
 * The message at the top of a person's edit page after a change: a plain confirmation, or for
 * an archive or an address removal one with an undo button (while there is still one to undo).
 */
export function PersonEditNotices({
  name,
  notice,
  archivedVersion,
  removed,
}: {
  name: string;
  notice: PersonEditNotice | null;
  /** the version the archive produced, which its undo restores against */
  archivedVersion: number | null;
  removed: { email: string; audit: number } | null;
}) {
  const { t } = useTranslation();
  if (notice === "gearchiveerd") {
    return archivedVersion ? (
      <UndoNotice fields={{ wat: "archive", version: archivedVersion }}>{t(NOTICE_TEXTS[notice], { name })}</UndoNotice>
    ) : null;
  }
  if (notice === "verwijderd") {
    return removed ? (
      <UndoNotice fields={{ wat: "email", audit: removed.audit }}>
        {t(NOTICE_TEXTS[notice], { email: removed.email })}
      </UndoNotice>
    ) : null;
  }
  return notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice], { name })}</SuccessNotice> : null;
}
