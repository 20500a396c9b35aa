import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isoDay, messageKey, optionalText, requiredText } from "../services/form-data";
import { TextAreaField, TextField } from "./form";

/** The details of a wave (new and edit share them): one schema for the browser and the action. */
export const waveFieldsSchema = z.object({
  name: requiredText(120),
  year: z.coerce
    .number({ error: messageKey("waves.errors.yearInvalid") })
    .int("waves.errors.yearInvalid")
    .min(2000, messageKey("waves.errors.yearInvalid"))
    .max(2100, messageKey("waves.errors.yearInvalid")),
  reference_date: isoDay(),
  link_template: requiredText(500)
    .refine((link) => /^https?:\/\/\S+$/i.test(link), messageKey("common.form.urlInvalid"))
    .refine((link) => link.includes("{token}"), messageKey("waves.errors.linkWithoutToken")),
  method_notes: optionalText(4000),
});

export function waveFieldLabels(t: TFunction): Record<string, string> {
  return {
    name: t("waves.fields.name"),
    year: t("waves.fields.year"),
    reference_date: t("waves.fields.referenceDate"),
    link_template: t("waves.fields.linkTemplate"),
    method_notes: t("waves.fields.methodNotes"),
  };
}

export function WaveFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="name" label={t("waves.fields.name")} required autoComplete="off" />
      <TextField name="year" type="number" label={t("waves.fields.year")} required />
      <TextField
        name="reference_date"
        type="date"
        label={t("waves.fields.referenceDate")}
        hint={t("waves.fields.referenceDateHint")}
        required
      />
      <TextField
        name="link_template"
        type="url"
        label={t("waves.fields.linkTemplate")}
        hint={t("waves.fields.linkTemplateHint")}
        required
      />
      <TextAreaField name="method_notes" label={t("waves.fields.methodNotes")} />
    </>
  );
}
