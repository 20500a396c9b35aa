import { useTranslation } from "react-i18next";
import { type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { EnterButton, OrganisationChoiceField, PersonChoiceField, usePickedPerson } from "../seat-choice-fields";
import { RepresentsFields } from "../seats/represents-fields";
import { SeatRoleField } from "../seats/seat-role-field";
import type { ConstituencyChoices } from "../../services/governance";
import type { SeatChoices } from "../../services/seat-choices";
import { addSeatSchema, VACANCY } from "../../services/seat-forms";

interface AddSeatProps {
  /** where the form posts: the page as the reader sees it (its day, its history) */
  action: string;
  today: string;
  actionData: FormActionData | null;
  choices: SeatChoices;
  constituencies: ConstituencyChoices;
}

/**
 * Adding a seat to the body. The form starts afresh after each search (`roundTrip`) and after
 * each seat added (`addedSeatId`).
 */
export function AddSeatSection({
  roundTrip,
  addedSeatId,
  ...form
}: AddSeatProps & { roundTrip: string; addedSeatId: number | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="add-seat-heading" className="card no-print space-y-4">
      <h2 id="add-seat-heading" className="text-lg font-semibold">
        {t("bodies.addSeat.heading")}
      </h2>
      <AddSeatForm key={`add-${addedSeatId ?? "new"}-${roundTrip}`} {...form} />
    </section>
  );
}

/** Adding a seat: the person and the organisation are searched, not picked from the whole register. */
function AddSeatForm({ action, today, actionData, choices, constituencies }: AddSeatProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = usePickedPerson(actionData?.values?.person);
  return (
    <ValidatedForm
      id="add-seat"
      action={action}
      schema={addSeatSchema}
      actionData={actionData}
      defaultValues={{
        intent: "add",
        person: "",
        role: "lid",
        represents: "organisatie",
        organisation_id: "",
        constituency_sector_id: "",
        constituency_subregion_id: "",
        start_date: today,
      }}
      className="space-y-4"
    >
      <EnterButton>{t("bodies.addSeat.submit")}</EnterButton>
      <HiddenField name="intent" />
      <PersonChoiceField
        name="person"
        legend={t("bodies.addSeat.person")}
        choices={choices}
        vacancy={{ value: VACANCY, label: t("bodies.addSeat.vacancy") }}
        onPick={setPicked}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SeatRoleField label={t("bodies.addSeat.role")} />
        <TextField name="start_date" type="date" label={t("bodies.addSeat.from")} required />
      </div>
      <RepresentsFields
        constituencies={constituencies}
        organisationField={
          <OrganisationChoiceField
            name="organisation_id"
            label={t("bodies.addSeat.organisation")}
            choices={choices}
            personId={picked}
            none={t("bodies.addSeat.noOrganisation")}
          />
        }
      />
      <SubmitButton>{t("bodies.addSeat.submit")}</SubmitButton>
    </ValidatedForm>
  );
}
