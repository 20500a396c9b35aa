import { useTranslation } from "react-i18next";
import { type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { EnterButton, OrganisationChoiceField } from "../seat-choice-fields";
import type { SeatChoices } from "../../services/seat-choices";
import { moveSeatSchema } from "../../services/seat-forms";

/** Moving a held seat to another organisation, searched by name; the seat it leaves is not offered. */
export function MoveSeatSection({
  seat,
  today,
  actionData,
  choices,
  roundTrip,
  fieldLabels,
}: {
  seat: { version: number; person_id: number | null; organisation_id: number | null };
  today: string;
  actionData: FormActionData | null;
  choices: SeatChoices;
  roundTrip: string;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section id="verplaatsen" aria-labelledby="move-heading" className="card space-y-4">
      <h2 id="move-heading" className="text-lg font-semibold">
        {t("bodies.seat.moveHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("bodies.seat.moveText")}</p>
      <ValidatedForm
        id="move-seat"
        key={`move-${seat.version}-${roundTrip}`}
        schema={moveSeatSchema}
        actionData={actionData}
        fieldLabels={fieldLabels}
        defaultValues={{ intent: "move", version: seat.version, organisation_id: "", move_date: today }}
        className="space-y-4"
      >
        <EnterButton>{t("bodies.seat.moveSubmit")}</EnterButton>
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <OrganisationChoiceField
          name="organisation_id"
          label={t("bodies.seat.moveOrganisation")}
          choices={choices}
          personId={seat.person_id}
          none={t("common.form.choose")}
          leaveOut={seat.organisation_id}
          required
        />
        <TextField name="move_date" type="date" label={t("bodies.seat.moveDate")} required className="max-w-xs" />
        <SubmitButton>{t("bodies.seat.moveSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
