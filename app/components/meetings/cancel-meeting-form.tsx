import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { formatDay } from "../../i18n/format";
import { cancelSchema } from "../../services/meeting-form";

/** Cancel the meeting, after ticking that this meeting on this day is meant. */
export function CancelMeetingForm({
  meeting,
  refusal,
  fieldLabels,
}: {
  meeting: { version: number; title: string; date: string };
  refusal: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="cancel-heading" className="card space-y-4">
      <h2 id="cancel-heading" className="text-lg font-semibold">
        {t("meetings.edit.cancelHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("meetings.edit.cancelText")}</p>
      <ValidatedForm
        id="cancel-meeting"
        key={`cancel-${meeting.version}`}
        schema={cancelSchema}
        actionData={refusal}
        fieldLabels={fieldLabels}
        defaultValues={{ intent: "cancel", version: meeting.version }}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <CheckboxField
          name="confirm"
          label={t("meetings.edit.cancelConfirm", {
            title: meeting.title,
            date: formatDay(meeting.date, i18n.language as Language),
          })}
        />
        <SubmitButton className="btn-danger">{t("meetings.edit.cancelSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
