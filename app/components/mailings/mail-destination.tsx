import { useTranslation } from "react-i18next";
import type { MailTransport } from "../../server/mail-transport.server";

/** Where the mail of this Kring goes: every mailing page says it, most of all when nothing is really sent. */
export function MailDestination({ destination, from }: { destination: MailTransport["destination"]; from: string }) {
  const { t } = useTranslation();
  if (destination.kind === "files")
    return (
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {t("mailings.destination.files", { folder: destination.folder })}
      </p>
    );
  return <p className="text-sm text-slate-700">{t("mailings.destination.smtp", { host: destination.host, from })}</p>;
}
