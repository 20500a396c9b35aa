import { useTranslation } from "react-i18next";
import { FREQUENCIES, WEEKDAYS, weekdayOf } from "../../services/recurrence";
import { ORDINAL_VALUES, SERIES_ENDS, seriesSchema } from "../../services/series-form";
import type { SeriesAnswer } from "../../services/series-plan";
import { RadioGroup, SelectField, SubmitButton, TextField, ValidatedForm } from "../form";
import { SeriesPreview } from "./series-preview";

/** The series planner: a body, a rule and the meetings' times; previewed first, then created. */
export function SeriesForm({
  bodies,
  preselected,
  today,
  answer,
}: {
  bodies: { id: number; name: string; abbreviation: string | null }[];
  /** the body asked for in the address (?gremium=) */
  preselected: { id: number; name: string } | null;
  today: string;
  answer: SeriesAnswer | undefined;
}) {
  const { t } = useTranslation();
  const preview = answer?.kind === "preview" ? answer.preview : null;
  const bodyOptions = [
    { value: "", label: t("common.form.choose") },
    ...bodies.map((body) => ({
      value: String(body.id),
      label: body.abbreviation ? `${body.name} (${body.abbreviation})` : body.name,
    })),
  ];
  return (
    <section aria-labelledby="series-form-heading" className="card space-y-4">
      <h2 id="series-form-heading" className="text-lg font-semibold">
        {t("meetingSeries.formHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("meetingSeries.intro")}</p>
      <ValidatedForm
        id="series"
        schema={seriesSchema}
        actionData={answer}
        defaultValues={{
          body_id: preselected ? String(preselected.id) : "",
          title: preselected?.name ?? "",
          first_date: today,
          frequency: "monthly",
          interval: "1",
          weekday: weekdayOf(today),
          ordinal: "1",
          ends: "count",
        }}
        className="space-y-4"
      >
        <SelectField name="body_id" label={t("meetingSeries.fields.body")} options={bodyOptions} required />
        <TextField name="title" label={t("meetingSeries.fields.title")} hint={t("meetingSeries.fields.titleHint")} />
        <TextField
          name="first_date"
          type="date"
          label={t("meetingSeries.fields.firstDate")}
          hint={t("meetingSeries.fields.firstDateHint")}
          required
        />
        <RadioGroup
          name="frequency"
          legend={t("meetingSeries.fields.frequency")}
          options={FREQUENCIES.map((frequency) => ({
            value: frequency,
            label: t(`meetingSeries.frequencies.${frequency}`),
          }))}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="interval"
            type="number"
            label={t("meetingSeries.fields.interval")}
            hint={t("meetingSeries.fields.intervalHint")}
            required
          />
          <SelectField
            name="ordinal"
            label={t("meetingSeries.fields.ordinal")}
            hint={t("meetingSeries.fields.ordinalHint")}
            options={ORDINAL_VALUES.map((value) => ({
              value,
              label: t(`meetingSeries.ordinals.${value === "-1" ? "last" : value}`),
            }))}
          />
          <SelectField
            name="weekday"
            label={t("meetingSeries.fields.weekday")}
            options={WEEKDAYS.map((weekday) => ({ value: weekday, label: t(`meetingSeries.weekdays.${weekday}`) }))}
            required
          />
        </div>
        <RadioGroup
          name="ends"
          legend={t("meetingSeries.fields.ends")}
          options={SERIES_ENDS.map((end) => ({ value: end, label: t(`meetingSeries.endOptions.${end}`) }))}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="count"
            type="number"
            label={t("meetingSeries.fields.count")}
            hint={t("meetingSeries.fields.endsHint")}
          />
          <TextField name="until" type="date" label={t("meetingSeries.fields.until")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="start_time"
            type="time"
            label={t("meetingSeries.fields.startTime")}
            hint={t("meetingSeries.fields.timeHint")}
            autoComplete="off"
            required
          />
          <TextField
            name="end_time"
            type="time"
            label={t("meetingSeries.fields.endTime")}
            hint={t("meetingSeries.fields.timeHint")}
            autoComplete="off"
            required
          />
        </div>
        <TextField name="location" label={t("meetingSeries.fields.location")} />
        <TextField name="online_url" type="url" label={t("meetingSeries.fields.onlineUrl")} />
        {preview ? <SeriesPreview preview={preview} /> : null}
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="preview" className={preview ? "btn-secondary" : "btn-primary"}>
            {t("meetingSeries.preview")}
          </SubmitButton>
          <SubmitButton name="intent" value="create" className={preview ? "btn-primary" : "btn-secondary"}>
            {t("meetingSeries.create")}
          </SubmitButton>
        </div>
      </ValidatedForm>
    </section>
  );
}
