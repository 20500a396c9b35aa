import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EVENT_KINDS } from "../../db/schema";
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from "./form";
import { useInChosenRegion } from "./regions/region-field";

/**
 * The fields of the meeting forms (new meeting, new event, edit), shared by the routes; the
 * schemas are in app/services/meeting-form.ts.
 */

/** Date, times, place, link, agenda and minutes: what every meeting and event has. */
export function MeetingFields({ withMinutes = false }: { withMinutes?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="title" label={t("meetings.fields.title")} required autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="date" type="date" label={t("meetings.fields.date")} required />
        <TextField
          name="start_time"
          type="time"
          label={t("meetings.fields.startTime")}
          hint={t("meetings.fields.timeHint")}
          autoComplete="off"
        />
        <TextField
          name="end_time"
          type="time"
          label={t("meetings.fields.endTime")}
          hint={t("meetings.fields.timeHint")}
          autoComplete="off"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="location" label={t("meetings.fields.location")} autoComplete="off" />
        <TextField
          name="online_url"
          type="url"
          label={t("meetings.fields.onlineUrl")}
          hint={t("meetings.fields.onlineUrlHint")}
        />
      </div>
      <TextAreaField name="agenda" label={t("meetings.fields.agenda")} rows={6} />
      {withMinutes ? <TextAreaField name="minutes" label={t("meetings.fields.minutes")} rows={6} /> : null}
    </>
  );
}

export interface InvitationChoices {
  bodies: readonly { id: number; name: string; region_id: number }[];
  organisations: readonly { id: number; name: string }[];
  savedSearches: readonly { id: number; name: string; region_id: number }[];
}

const asOptions = (items: readonly { id: number; name: string }[]) =>
  items.map((item) => ({ value: String(item.id), label: item.name }));

/** An event's kind and whom it invites: three groups of checkboxes (they work without JavaScript). */
export function EventFields({ choices }: { choices: InvitationChoices }) {
  const { t } = useTranslation();
  const inRegion = useInChosenRegion();
  const savedSearches = choices.savedSearches.filter(inRegion);
  return (
    <>
      <SelectField
        name="kind"
        label={t("meetings.fields.kind")}
        required
        options={[
          { value: "", label: t("common.form.choose") },
          ...EVENT_KINDS.map((kind) => ({ value: kind, label: t(`meetings.kinds.${kind}`) })),
        ]}
      />
      <fieldset className="space-y-4 rounded-md border border-slate-300 p-4" aria-describedby="invitations-hint">
        <legend className="px-1 text-base font-semibold">{t("meetings.create.invitationsHeading")}</legend>
        <p id="invitations-hint" className="text-sm text-slate-600">
          {t("meetings.create.invitationsHint")}
        </p>
        <CheckboxGroupField
          name="invited_bodies"
          legend={t("meetings.fields.invitedBodies")}
          options={asOptions(choices.bodies.filter(inRegion))}
        />
        <CheckboxGroupField
          name="invited_organisations"
          legend={t("meetings.fields.invitedOrganisations")}
          options={asOptions(choices.organisations)}
        />
        {savedSearches.length > 0 ? (
          <CheckboxGroupField
            name="invited_searches"
            legend={t("meetings.fields.invitedSearches")}
            options={asOptions(savedSearches)}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("meetings.create.noSavedSearches")}</p>
        )}
      </fieldset>
    </>
  );
}

/** "14:00–16:00", "vanaf 14:00", or that the time is not known yet. */
export function meetingTime(t: TFunction, start: string | null, end: string | null): string {
  if (start && end) return t("meetings.time.range", { start, end });
  if (start) return t("meetings.time.from", { start });
  return t("meetings.time.none");
}

/** Column name → label, for the list of what others changed when a save collides with theirs. */
export function meetingFieldLabels(t: TFunction): Record<string, string> {
  return {
    title: t("meetings.fields.title"),
    date: t("meetings.fields.date"),
    start_time: t("meetings.fields.startTime"),
    end_time: t("meetings.fields.endTime"),
    location: t("meetings.fields.location"),
    online_url: t("meetings.fields.onlineUrl"),
    agenda: t("meetings.fields.agenda"),
    minutes: t("meetings.fields.minutes"),
    kind: t("meetings.fields.kind"),
    status: t("meetings.fields.status"),
  };
}

/** A meeting's stored fields as the form's starting values (empty strings for nothing). */
export function meetingFormValues(meeting: {
  title: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: string | null;
  online_url: string | null;
  agenda: string | null;
  minutes: string | null;
}) {
  return {
    title: meeting.title,
    date: meeting.date,
    start_time: meeting.start_time ?? "",
    end_time: meeting.end_time ?? "",
    location: meeting.location ?? "",
    online_url: meeting.online_url ?? "",
    agenda: meeting.agenda ?? "",
    minutes: meeting.minutes ?? "",
  };
}

/** What others changed, in the words of the page instead of codes (a status, an event's kind). */
export function readableMeetingConflict<
  C extends { fields: { field: string; before: string | null; after: string | null }[] },
>(changes: readonly C[] | undefined, t: TFunction): C[] | undefined {
  if (!changes) return undefined;
  const translate = t as unknown as (key: string) => string;
  const readable = (field: string, value: string | null) =>
    value === null
      ? null
      : field === "status"
        ? translate(`meetings.statuses.${value}`)
        : field === "kind"
          ? translate(`meetings.kinds.${value}`)
          : value;
  return changes.map((change) => ({
    ...change,
    fields: change.fields.map((f) => ({
      ...f,
      before: readable(f.field, f.before),
      after: readable(f.field, f.after),
    })),
  }));
}
