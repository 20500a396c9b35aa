import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { CopyButton } from "./copy-button";

interface ShownFeed {
  address: string;
  /** the address for calendar applications (webcal:) */
  webcal: string;
  createdAt: string;
  createdBy: string | null;
}

/** A body's live calendar link: how to subscribe, the address to copy or open, and who made it when. */
export function FeedAddress({ feed }: { feed: ShownFeed }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <>
      <p className="text-sm text-slate-700">{t("calendar.page.howTo")}</p>
      <div>
        <label htmlFor="feed-address" className="field-label">
          {t("calendar.page.address")}
        </label>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <input
            id="feed-address"
            readOnly
            value={feed.address}
            onFocus={(event) => event.currentTarget.select()}
            className="field-input w-full font-mono text-sm"
          />
          <CopyButton address={feed.address} />
          <a href={feed.webcal}>{t("calendar.page.openInApp")}</a>
        </div>
      </div>
      <p className="text-sm text-slate-700">{t("calendar.page.secret")}</p>
      <p className="text-sm text-slate-600">
        {feed.createdBy
          ? t("calendar.page.created", { name: feed.createdBy, date: formatMoment(feed.createdAt, language) })
          : t("calendar.page.createdUnknown", { date: formatMoment(feed.createdAt, language) })}
      </p>
    </>
  );
}
