import { useTranslation } from "react-i18next";
import type { MeetingKind } from "../../../db/schema";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { EventFields, type InvitationChoices, MeetingFields, meetingFormValues } from "../meeting-form";
import type { DecisionPrompt } from "../../services/meeting-edit";
import { saveBodyMeetingSchema, saveEventSchema } from "../../services/meeting-form";
import { AttendanceDecisionQuestion } from "./attendance-decision-question";

type EditedMeeting = Parameters<typeof meetingFormValues>[0] & {
  version: number;
  kind: MeetingKind;
  body_id: number | null;
};

/** An event's invitation choices, with whom it invites now. */
type EventChoices = InvitationChoices & {
  invited: { bodyIds: number[]; organisationIds: number[]; savedSearchIds: number[] };
};

/** The meeting's fields (and an event's invitations) to change, asking about the register when its date moves. */
export function EditMeetingForm({
  meeting,
  choices,
  refusal,
  decision,
  fieldLabels,
}: {
  meeting: EditedMeeting;
  /** null for a body's meeting */
  choices: EventChoices | null;
  refusal: FormActionData | null;
  decision: DecisionPrompt | null;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="edit-heading" className="card space-y-4">
      <h2 id="edit-heading" className="text-lg font-semibold">
        {t("meetings.edit.heading")}
      </h2>
      <ValidatedForm
        id="edit-meeting"
        key={`save-${meeting.version}`}
        schema={meeting.body_id === null ? saveEventSchema : saveBodyMeetingSchema}
        actionData={refusal}
        defaultValues={{
          intent: "save",
          version: meeting.version,
          ...meetingFormValues(meeting),
          ...(choices
            ? {
                kind: meeting.kind,
                invited_bodies: choices.invited.bodyIds.map(String),
                invited_organisations: choices.invited.organisationIds.map(String),
                invited_searches: choices.invited.savedSearchIds.map(String),
              }
            : {}),
        }}
        fieldLabels={fieldLabels}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <MeetingFields withMinutes />
        {choices ? <EventFields choices={choices} /> : null}
        {decision ? <AttendanceDecisionQuestion decision={decision} /> : null}
        <SubmitButton>{t("meetings.edit.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
