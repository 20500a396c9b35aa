import { useTranslation } from "react-i18next";
import type { RegisterClosed } from "../../models/attendance.server";

/** Why a meeting's register cannot be filled in: it was cancelled, or it has not been held yet. */
export function RegisterClosedNotice({ closed, day }: { closed: NonNullable<RegisterClosed>; day: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="closed-heading" className="card space-y-2">
      <h2 id="closed-heading" className="text-lg font-semibold">
        {t("attendance.closed.heading")}
      </h2>
      <p>{closed === "cancelled" ? t("attendance.closed.cancelled") : t("attendance.closed.future", { date: day })}</p>
    </section>
  );
}
