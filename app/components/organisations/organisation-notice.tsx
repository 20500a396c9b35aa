import { useTranslation } from "react-i18next";
import type { OrganisationPageNotice } from "../../services/organisation-page";
import { SuccessNotice, UndoNotice } from "../form";

/** The message after a change; after archiving, with the undo (while the organisation is still archived). */
export function OrganisationNotice({ notice, archived }: { notice: OrganisationPageNotice | null; archived: boolean }) {
  const { t } = useTranslation();
  if (notice === "archived" && archived) return <UndoNotice fields={{}}>{t("organisations.page.archived")}</UndoNotice>;
  if (notice === "created") return <SuccessNotice>{t("organisations.page.created")}</SuccessNotice>;
  if (notice === "saved") return <SuccessNotice>{t("organisations.page.saved")}</SuccessNotice>;
  if (notice === "restored") return <SuccessNotice>{t("organisations.page.restored")}</SuccessNotice>;
  return null;
}
