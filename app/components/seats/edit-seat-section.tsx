import { useTranslation } from "react-i18next";
import type { SeatRole } from "../../../db/schema";
import { type FormActionData, HiddenField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "../form";
import { EnterButton, OrganisationChoiceField } from "../seat-choice-fields";
import type { ConstituencyChoices } from "../../services/governance";
import type { SeatChoices } from "../../services/seat-choices";
import { saveSeatSchema } from "../../services/seat-forms";
import { RepresentsFields } from "./represents-fields";
import { SeatRoleField } from "./seat-role-field";

/** Correcting a seat's role, organisation or achterban, period and note. */
export function EditSeatSection({
  seat,
  actionData,
  choices,
  constituencies,
  roundTrip,
  fieldLabels,
}: {
  seat: {
    version: number;
    role: SeatRole;
    person_id: number | null;
    organisation_id: number | null;
    constituency_sector_id: number | null;
    constituency_subregion_id: number | null;
    start_date: string;
    end_date: string | null;
    note: string | null;
  };
  actionData: FormActionData | null;
  choices: SeatChoices;
  constituencies: ConstituencyChoices;
  roundTrip: string;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section id="wijzigen" aria-labelledby="edit-heading" className="card space-y-4">
      <h2 id="edit-heading" className="text-lg font-semibold">
        {t("bodies.seat.editHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("bodies.seat.editHint")}</p>
      <ValidatedForm
        id="edit-seat"
        key={`save-${seat.version}-${roundTrip}`}
        schema={saveSeatSchema}
        actionData={actionData}
        fieldLabels={fieldLabels}
        defaultValues={{
          intent: "save",
          version: seat.version,
          role: seat.role,
          represents:
            seat.constituency_sector_id === null && seat.constituency_subregion_id === null
              ? "organisatie"
              : "achterban",
          organisation_id: seat.organisation_id === null ? "" : String(seat.organisation_id),
          constituency_sector_id: seat.constituency_sector_id === null ? "" : String(seat.constituency_sector_id),
          constituency_subregion_id:
            seat.constituency_subregion_id === null ? "" : String(seat.constituency_subregion_id),
          start_date: seat.start_date,
          end_date: seat.end_date ?? "",
          note: seat.note ?? "",
        }}
        className="space-y-4"
      >
        <EnterButton>{t("bodies.seat.saveSubmit")}</EnterButton>
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <SeatRoleField label={t("bodies.addSeat.role")} className="max-w-xs" />
        <RepresentsFields
          constituencies={constituencies}
          organisationField={
            <OrganisationChoiceField
              name="organisation_id"
              label={t("bodies.seat.organisation")}
              choices={choices}
              personId={seat.person_id}
              none={t("bodies.addSeat.noOrganisation")}
            />
          }
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="start_date" type="date" label={t("bodies.seat.from")} required />
          <TextField name="end_date" type="date" label={t("bodies.seat.to")} hint={t("bodies.seat.toHint")} />
        </div>
        <TextAreaField name="note" label={t("bodies.seat.note")} rows={3} />
        <SubmitButton>{t("bodies.seat.saveSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
