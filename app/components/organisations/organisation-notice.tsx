import { useTranslation } from "react-i18next";
import type { MessageKey } from "../../i18n/keys";
import type { OrganisationPageNotice } from "../../services/organisation-page";
import { SuccessNotice, UndoNotice } from "../form";

const NOTICE_TEXTS = {
  aangemaakt: "organisations.page.created",
  opgeslagen: "organisations.page.saved",
  gearchiveerd: "organisations.page.archived",
  hersteld: "organisations.page.restored",
  ongedaan: "organisations.page.restored",
} satisfies Record<OrganisationPageNotice, MessageKey>;

/** The message after a change; after archiving, with the undo (while the organisation is still archived). */
export function OrganisationNotice({ notice, archived }: { notice: OrganisationPageNotice | null; archived: boolean }) {
  const { t } = useTranslation();
  if (notice === "gearchiveerd")
    return archived ? <UndoNotice fields={{}}>{t(NOTICE_TEXTS[notice])}</UndoNotice> : null;
  return notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null;
}
