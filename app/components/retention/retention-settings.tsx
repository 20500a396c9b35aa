import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, RETENTION_PARAMS } from "../../services/retention";

/** The period to review by and whether to show the archived: a GET form, so the list stays a shareable address. */
export function RetentionSettings({
  typedMonths,
  monthsInvalid,
  includeArchived,
  configuredMonths,
}: {
  typedMonths: string;
  monthsInvalid: boolean;
  includeArchived: boolean;
  configuredMonths: number;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="card">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="mb-2 font-semibold">{t("retention.settings.legend")}</legend>
        <div>
          <label htmlFor="bewaartermijn-maanden" className="field-label">
            {t("retention.settings.months")}
          </label>
          <input
            id="bewaartermijn-maanden"
            name={RETENTION_PARAMS.months}
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_MONTHS}
            max={MAX_RETENTION_MONTHS}
            step={1}
            required
            defaultValue={typedMonths}
            aria-invalid={monthsInvalid || undefined}
            aria-describedby={monthsInvalid ? "bewaartermijn-maanden-fout" : "bewaartermijn-maanden-hint"}
            className="field-input w-32"
          />
          <p id="bewaartermijn-maanden-hint" className="mt-1 text-sm text-slate-600">
            {t("retention.settings.monthsHint", { count: configuredMonths })}
          </p>
          {monthsInvalid ? (
            <p id="bewaartermijn-maanden-fout" className="field-error" role="alert">
              {t("retention.settings.monthsInvalid", { count: configuredMonths })}
            </p>
          ) : null}
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name={RETENTION_PARAMS.includeArchived} value="1" defaultChecked={includeArchived} />
          {t("retention.settings.includeArchived")}
        </label>
        <button type="submit" className="btn-secondary">
          {t("retention.settings.show")}
        </button>
      </fieldset>
    </Form>
  );
}
