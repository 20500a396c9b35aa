import { useTranslation } from "react-i18next";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { endSeatSchema } from "../../services/seat-forms";

/** Ending a seat (held or vacant) on a day, confirmed with a ticked box. */
export function EndSeatSection({
  seat,
  today,
  actionData,
  fieldLabels,
}: {
  seat: { version: number };
  today: string;
  actionData: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section id="beeindigen" aria-labelledby="end-heading" className="card space-y-4">
      <h2 id="end-heading" className="text-lg font-semibold">
        {t("bodies.seat.endHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("bodies.seat.endText")}</p>
      <ValidatedForm
        id="end-seat"
        key={`end-${seat.version}`}
        schema={endSeatSchema}
        actionData={actionData}
        fieldLabels={fieldLabels}
        defaultValues={{ intent: "end", version: seat.version, end_date: today }}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <TextField name="end_date" type="date" label={t("bodies.seat.endDate")} required className="max-w-xs" />
        <CheckboxField name="confirm" label={t("bodies.seat.endConfirm")} />
        <SubmitButton className="btn-danger">{t("bodies.seat.endSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
