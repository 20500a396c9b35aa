import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../../db/schema";
import { RadioGroup, TextAreaField, TextField } from "./form";

/**
 * The fields of a person (app/services/person-form.ts) as the create and edit forms show them,
 * inside a ValidatedForm. The create form adds the primary e-mail address between name and phone.
 */
export function PersonFormFields({ withEmail = false }: { withEmail?: boolean }) {
  const { t } = useTranslation();
  const languages = LANGUAGES.map((language) => ({ value: language, label: t(`common.language.${language}`) }));
  return (
    <>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField name="first_name" label={t("people.fields.first_name")} autoComplete="off" />
        <TextField name="infix" label={t("people.fields.infix")} hint={t("people.hints.infix")} autoComplete="off" />
        <TextField
          name="last_name"
          label={t("people.fields.last_name")}
          hint={t("people.hints.last_name")}
          autoComplete="off"
          required
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField name="initials" label={t("people.fields.initials")} autoComplete="off" />
        <TextField name="title" label={t("people.fields.title")} hint={t("people.hints.title")} autoComplete="off" />
        <TextField
          name="salutation"
          label={t("people.fields.salutation")}
          hint={t("people.hints.salutation")}
          autoComplete="off"
        />
      </div>
      {withEmail ? (
        <TextField
          name="email"
          type="email"
          label={t("people.fields.email")}
          hint={t("people.hints.primaryEmail")}
          autoComplete="off"
        />
      ) : null}
      <TextField name="phone" type="tel" label={t("people.fields.phone")} autoComplete="off" className="sm:max-w-xs" />
      <RadioGroup name="preferred_language" legend={t("people.fields.preferred_language")} options={languages} />
      <TextAreaField name="notes" label={t("people.fields.notes")} />
    </>
  );
}

/** Column → label, for the list of what others changed when a save collides with theirs. */
export function usePersonFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    first_name: t("people.fields.first_name"),
    infix: t("people.fields.infix"),
    last_name: t("people.fields.last_name"),
    initials: t("people.fields.initials"),
    salutation: t("people.fields.salutation"),
    title: t("people.fields.title"),
    phone: t("people.fields.phone"),
    preferred_language: t("people.fields.preferred_language"),
    notes: t("people.fields.notes"),
    archived_at: t("people.history.fields.archived_at"),
    emails: t("people.history.fields.emails"),
    primary_email: t("people.history.fields.primary_email"),
    bounced_emails: t("people.history.fields.bounced_emails"),
    consent_research: t("people.history.fields.consent_research"),
    consent_news: t("people.history.fields.consent_news"),
    recorded_on: t("people.history.fields.recorded_on"),
    source: t("people.history.fields.source"),
  };
}
