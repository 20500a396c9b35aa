import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuccessNotice, UndoNotice } from "../form";
import { Pagination } from "../lists";
import { paging } from "../../services/list-params";
import { DUPLICATE_PAGE_SIZE } from "../../services/duplicate-matching";
import { type DuplicateRecords, DuplicatePairsTable, type ShownPair } from "./duplicate-pairs";

export interface DuplicatePairsPageData {
  pairs: ShownPair[];
  total: number;
  page: number;
  canEdit: boolean;
  notice: { kind: "ongedaan" } | { kind: "nietDezelfde"; id: number; first: string; second: string } | null;
}

/** The page of likely duplicate pairs of people or of organisations. */
export function DuplicatePairsPage({ records, data }: { records: DuplicateRecords; data: DuplicatePairsPageData }) {
  const { t } = useTranslation();
  const texts = records === "personen" ? "people" : "organisations";
  const { notice } = data;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/${records}`}>{t(`duplicates.${texts}.back`)}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t(`duplicates.${texts}.title`)}</h1>
      </div>
      <p className="max-w-3xl">{t(`duplicates.${texts}.intro`)}</p>
      {notice?.kind === "nietDezelfde" ? (
        <UndoNotice fields={{ id: notice.id }}>{t("duplicates.markedNotSame", notice)}</UndoNotice>
      ) : notice ? (
        <SuccessNotice>{t("duplicates.undone")}</SuccessNotice>
      ) : null}
      <div className="card overflow-x-auto">
        {data.pairs.length === 0 ? (
          <p>{t("duplicates.empty")}</p>
        ) : (
          <>
            <p className="mb-2">{t("duplicates.count", { count: data.total })}</p>
            <DuplicatePairsTable records={records} pairs={data.pairs} canEdit={data.canEdit} />
          </>
        )}
        <Pagination {...paging(data.total, data.page, DUPLICATE_PAGE_SIZE)} />
      </div>
    </div>
  );
}
