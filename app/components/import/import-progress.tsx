import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ImportProgress } from "../../services/import-progress.server";

/** How often the page asks for the progress (with JavaScript); without, a meta refresh does. */
const REFRESH_MS = 500;

/**
 * The progress of a preview or an import running in the server: a bar with its figures, refreshed
 * every half second. A server that is not the one doing the work knows no figures: the bar then
 * runs without a value.
 */
export function ImportProgressBar({
  phase,
  progress,
}: {
  phase: "preview" | "import";
  progress: ImportProgress | null;
}) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidator]);
  return (
    <section aria-labelledby="progress-heading" className="card space-y-3">
      <noscript>
        <meta httpEquiv="refresh" content="1" />
      </noscript>
      <h2 id="progress-heading" className="text-lg font-semibold">
        {t(phase === "preview" ? "import.progress.preview" : "import.progress.import")}
      </h2>
      <label className="block text-sm font-medium" htmlFor="import-progress">
        {t("import.progress.label")}
      </label>
      {progress ? (
        <progress id="import-progress" className="h-4 w-full" max={Math.max(1, progress.total)} value={progress.done}>
          {progress.done} / {progress.total}
        </progress>
      ) : (
        <progress id="import-progress" className="h-4 w-full" />
      )}
      <p role="status" aria-live="polite" className="text-sm">
        {progress ? t("import.progress.count", { done: progress.done, total: progress.total }) : ""}{" "}
        {t("import.progress.waiting")}
      </p>
    </section>
  );
}
