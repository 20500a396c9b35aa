import { useTranslation } from "react-i18next";

/** A public page asked for too often from one address (429). */
export function LimitedNotice() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("unsubscribe.limited.title")}</h1>
      <p role="alert">{t("unsubscribe.limited.text")}</p>
    </>
  );
}
