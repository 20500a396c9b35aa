import { useTranslation } from "react-i18next";
import type { MessageKey } from "../../i18n/keys";
import type { SavedSearchNoticeKind } from "../../services/saved-search-forms";
import { SuccessNotice, UndoNotice } from "../form";

interface ChangedSearch {
  kind: SavedSearchNoticeKind;
  id: number;
  name: string;
  version: number;
  isArchived: boolean;
}

const NOTICE_TEXTS = {
  bewaard: "savedSearches.notices.saved",
  hernoemd: "savedSearches.notices.renamed",
  gearchiveerd: "savedSearches.notices.archived",
  hersteld: "savedSearches.notices.restored",
  ongedaan: "savedSearches.notices.restored",
} satisfies Record<SavedSearchNoticeKind, MessageKey>;

/** What the page says after a saved search was saved, renamed, archived (with the way back) or restored. */
export function SavedSearchNotice({ notice }: { notice: ChangedSearch }) {
  const { t } = useTranslation();
  const text = t(NOTICE_TEXTS[notice.kind], { name: notice.name });
  if (notice.kind === "gearchiveerd") {
    // the way back only while it is still archived (someone may have restored it already)
    return notice.isArchived ? (
      <UndoNotice fields={{ id: notice.id, version: notice.version }}>{text}</UndoNotice>
    ) : null;
  }
  return <SuccessNotice>{text}</SuccessNotice>;
}
