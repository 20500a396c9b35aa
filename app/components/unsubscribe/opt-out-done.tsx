import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OptOutScope } from "../../services/unsubscribe-form";

/** What the opt-out did, and how to have it undone. */
export function OptOutDone({
  scope,
  changed,
  wave,
  again,
}: {
  scope: OptOutScope;
  changed: boolean;
  /** the wave's name, for a survey opt-out */
  wave: string | null;
  /** the link's own page, to opt out of something else too */
  again: string;
}) {
  const { t } = useTranslation();
  const done =
    scope === "survey"
      ? t("unsubscribe.done.survey", { wave: wave ?? "" })
      : scope === "research"
        ? t("unsubscribe.done.research")
        : t("unsubscribe.done.news");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("unsubscribe.done.title")}</h1>
      <div role="status" className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        <p>{done}</p>
        {changed ? null : <p>{t("unsubscribe.done.unchanged")}</p>}
      </div>
      <p>{t("unsubscribe.done.undo")}</p>
      <p>
        <Link to={again}>{t("unsubscribe.done.other")}</Link>
      </p>
    </>
  );
}
