import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { privacyPath } from "../../services/privacy-link";

/** The link to the privacy statement, in the language of the text around it (the statement opens in it too). */
export function PrivacyLink({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={privacyPath(i18n.language)} className={className}>
      {t("privacy.link")}
    </Link>
  );
}
