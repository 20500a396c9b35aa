import { useTranslation } from "react-i18next";
import { type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { EnterButton, OrganisationChoiceField, PersonChoiceField, usePickedPerson } from "../seat-choice-fields";
import type { SeatChoices } from "../../services/seat-choices";
import { fillVacancySchema } from "../../services/seat-forms";

interface FillVacancyProps {
  seat: { version: number; organisation_id: number | null };
  today: string;
  actionData: FormActionData | null;
  choices: SeatChoices;
  fieldLabels: Record<string, string>;
}

/** Filling a vacancy: the person (and any other organisation) is searched, not picked from the whole register. */
export function FillVacancySection({ roundTrip, ...form }: FillVacancyProps & { roundTrip: string }) {
  const { t } = useTranslation();
  return (
    <section id="vervullen" aria-labelledby="fill-heading" className="card space-y-4">
      <h2 id="fill-heading" className="text-lg font-semibold">
        {t("bodies.seat.fillHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("bodies.seat.fillText")}</p>
      <FillVacancyForm key={`fill-${form.seat.version}-${roundTrip}`} {...form} />
    </section>
  );
}

function FillVacancyForm({ seat, today, actionData, choices, fieldLabels }: FillVacancyProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = usePickedPerson(actionData?.values?.person_id);
  return (
    <ValidatedForm
      id="fill-seat"
      schema={fillVacancySchema}
      actionData={actionData}
      fieldLabels={fieldLabels}
      defaultValues={{
        intent: "fill",
        version: seat.version,
        person_id: "",
        organisation_id: seat.organisation_id === null ? "" : String(seat.organisation_id),
        start_date: today,
      }}
      className="space-y-4"
    >
      <EnterButton>{t("bodies.seat.fillSubmit")}</EnterButton>
      <HiddenField name="intent" />
      <HiddenField name="version" />
      <PersonChoiceField name="person_id" legend={t("bodies.seat.fillPerson")} choices={choices} onPick={setPicked} />
      <OrganisationChoiceField
        name="organisation_id"
        label={t("bodies.seat.fillOrganisation")}
        choices={choices}
        personId={picked}
        none={t("bodies.addSeat.noOrganisation")}
      />
      <TextField name="start_date" type="date" label={t("bodies.seat.fillDate")} required className="max-w-xs" />
      <SubmitButton>{t("bodies.seat.fillSubmit")}</SubmitButton>
    </ValidatedForm>
  );
}
