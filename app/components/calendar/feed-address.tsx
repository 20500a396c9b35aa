import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import { CopyButton } from "./copy-button";

interface ShownFeed {
  /** the address up to the token's first characters: enough to recognise the link, not to use it */
  addressStart: string;
  createdAt: string;
  createdBy: string | null;
}

interface MadeAddress {
  address: string;
  /** the address for calendar applications (webcal:) */
  webcal: string;
}

/**
 * A body's live calendar link. Right after it was made, its whole address, to copy or open, with the
 * warning that it is shown this once (Kring keeps only its hash); afterwards its recognisable start.
 */
export function FeedAddress({ feed, made }: { feed: ShownFeed; made: MadeAddress | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <>
      {made ? (
        <>
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("calendar.page.copyNow")}
          </p>
          <p className="text-sm text-slate-700">{t("calendar.page.howTo")}</p>
          <div>
            <label htmlFor="feed-address" className="field-label">
              {t("calendar.page.address")}
            </label>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <input
                id="feed-address"
                readOnly
                value={made.address}
                onFocus={(event) => event.currentTarget.select()}
                className="field-input w-full font-mono text-sm"
              />
              <CopyButton address={made.address} />
              <a href={made.webcal}>{t("calendar.page.openInApp")}</a>
            </div>
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {t("calendar.page.addressStart")} <code className="font-mono">{feed.addressStart}…</code>{" "}
          {t("calendar.page.shownOnce")}
        </p>
      )}
      <p className="text-sm text-slate-700">{t("calendar.page.secret")}</p>
      <p className="text-sm text-slate-600">
        {feed.createdBy
          ? t("calendar.page.created", { name: feed.createdBy, date: formatMoment(feed.createdAt, language) })
          : t("calendar.page.createdUnknown", { date: formatMoment(feed.createdAt, language) })}
      </p>
    </>
  );
}
