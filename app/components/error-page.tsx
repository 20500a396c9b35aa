import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a failed page shows: the kind of failure, never its details. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const [title, text] =
    status === 404
      ? [t("common.errors.notFoundTitle"), t("common.errors.notFoundText")]
      : status === 403
        ? [t("common.errors.forbiddenTitle"), t("common.errors.forbiddenText")]
        : [t("common.errors.genericTitle"), t("common.errors.genericText")];
  return (
    <div className="card mx-auto max-w-xl">
      <p className="text-sm font-semibold text-slate-600">{status}</p>
      <h1 className="mt-1 text-2xl font-bold">{title}</h1>
      <p className="mt-3">{text}</p>
      <p className="mt-6">
        <Link to="/" className="btn-primary">
          {t("common.errors.toHome")}
        </Link>
      </p>
    </div>
  );
}
