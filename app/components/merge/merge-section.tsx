import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { UNDO_MERGE_INTENT } from "../../services/merge-form";
import type { FormActionData } from "../form";
import { SuccessNotice } from "../form";
import { RefusalAlert } from "../refusal-alert";

export interface MergeListItem {
  id: number;
  name: string;
  created_at: string;
  undone_at: string | null;
}

/** One button that takes a merge back (posts intent undoMerge to the survivor's page; works without JavaScript). */
function UndoMergeButton({ mergeId, label }: { mergeId: number; label: string }) {
  return (
    <Form method="post" replace>
      <input type="hidden" name="intent" value={UNDO_MERGE_INTENT} />
      <input type="hidden" name="merge" value={mergeId} />
      <button type="submit" className="btn-secondary">
        {label}
      </button>
    </Form>
  );
}

/** The notices a merge leaves on the survivor's page: merged (with the undo), undone, or redirected here. */
export function MergeNotice({
  notice,
  justMerged,
  redirectedFrom,
}: {
  notice: "samengevoegd" | "samenvoegingOngedaan" | "doorverwezen" | null;
  justMerged: MergeListItem | null;
  redirectedFrom: string | null;
}) {
  const { t } = useTranslation();
  const refusal = useActionData<FormActionData & { intent?: string }>();
  return (
    <>
      <RefusalAlert
        title={t("merge.undo")}
        refusal={refusal?.intent === UNDO_MERGE_INTENT ? refusal : null}
        staleText={t("common.form.conflictText")}
      />
      {notice === "samengevoegd" && justMerged ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
        >
          <span>{t("merge.done", { name: justMerged.name })}</span>
          <UndoMergeButton mergeId={justMerged.id} label={t("merge.undo")} />
        </div>
      ) : null}
      {notice === "samenvoegingOngedaan" ? <SuccessNotice>{t("merge.undone")}</SuccessNotice> : null}
      {notice === "doorverwezen" && redirectedFrom ? (
        <SuccessNotice>{t("merge.redirected", { name: redirectedFrom })}</SuccessNotice>
      ) : null}
    </>
  );
}

/** The duplicates merged into this record, each with its undo while it stands. */
export function MergeList({ merges, canEdit }: { merges: readonly MergeListItem[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (merges.length === 0) return null;
  return (
    <section aria-labelledby="merges-heading" className="card">
      <h2 id="merges-heading" className="text-lg font-semibold">
        {t("merge.list.heading")}
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {merges.map((merge) => (
          <li key={merge.id} className="flex flex-wrap items-center gap-3">
            <span>{t("merge.list.item", { name: merge.name, date: formatMoment(merge.created_at, language) })}</span>
            {merge.undone_at ? (
              <span className="text-slate-600">
                {t("merge.list.undoneOn", { date: formatMoment(merge.undone_at, language) })}
              </span>
            ) : canEdit ? (
              <UndoMergeButton mergeId={merge.id} label={t("merge.list.undo", { name: merge.name })} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
