import { useTranslation } from "react-i18next";
import type { MeetingStatus } from "../../../db/schema";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { statusSchema } from "../../services/meeting-form";

/** Mark a planned meeting as held, or a held one as planned again. */
export function MeetingStatusForm({
  meeting,
  refusal,
  fieldLabels,
}: {
  meeting: { version: number; status: MeetingStatus };
  refusal: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const nextStatus = meeting.status === "gehouden" ? "gepland" : "gehouden";
  return (
    <section aria-labelledby="status-heading" className="card space-y-4">
      <h2 id="status-heading" className="text-lg font-semibold">
        {t("meetings.edit.statusHeading")}
      </h2>
      <p className="text-sm text-slate-700">
        {t("meetings.edit.statusText", { status: t(`meetings.statuses.${meeting.status}`) })}
      </p>
      <ValidatedForm
        id="meeting-status"
        key={`status-${meeting.version}`}
        schema={statusSchema}
        actionData={refusal}
        fieldLabels={fieldLabels}
        defaultValues={{ intent: "status", version: meeting.version, status: nextStatus }}
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <HiddenField name="status" />
        <SubmitButton className="btn-secondary">
          {nextStatus === "gehouden" ? t("meetings.edit.markHeld") : t("meetings.edit.markPlanned")}
        </SubmitButton>
      </ValidatedForm>
    </section>
  );
}
