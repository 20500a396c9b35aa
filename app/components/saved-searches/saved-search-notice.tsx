import { useTranslation } from "react-i18next";
import type { SavedSearchNoticeKind } from "../../services/saved-search-forms";
import { SuccessNotice, UndoNotice } from "../form";

interface ChangedSearch {
  kind: SavedSearchNoticeKind;
  id: number;
  name: string;
  version: number;
  isArchived: boolean;
}

/** What the page says after a saved search was saved, renamed, archived (with the way back) or restored. */
export function SavedSearchNotice({ notice }: { notice: ChangedSearch }) {
  const { t } = useTranslation();
  if (notice.kind === "gearchiveerd") {
    // the way back only while it is still archived (someone may have restored it already)
    return notice.isArchived ? (
      <UndoNotice fields={{ id: notice.id, version: notice.version }}>
        {t("savedSearches.notices.archived", { name: notice.name })}
      </UndoNotice>
    ) : null;
  }
  const text = {
    bewaard: t("savedSearches.notices.saved", { name: notice.name }),
    hernoemd: t("savedSearches.notices.renamed", { name: notice.name }),
    teruggezet: t("savedSearches.notices.restored", { name: notice.name }),
  }[notice.kind];
  return <SuccessNotice>{text}</SuccessNotice>;
}
