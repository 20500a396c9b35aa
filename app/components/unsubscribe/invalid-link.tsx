import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A link that was changed, cut short or has expired: says so, and offers the address form. */
export function InvalidLink({ reason }: { reason: "tampered" | "expired" }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("unsubscribe.invalid.title")}</h1>
      <p>{reason === "expired" ? t("unsubscribe.invalid.expired") : t("unsubscribe.invalid.tampered")}</p>
      <p>{t("unsubscribe.invalid.fallback")}</p>
      <p>
        <Link to="/afmelden" className="btn-primary">
          {t("unsubscribe.invalid.fallbackLink")}
        </Link>
      </p>
    </>
  );
}
