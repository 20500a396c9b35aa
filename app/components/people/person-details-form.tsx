import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { personDetailsSchema } from "../../services/person-edit-forms";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { PersonFormFields } from "../person-fields";

/** The person's stored details, as the edit form starts from them. */
export interface EditablePerson {
  version: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  salutation: string | null;
  title: string | null;
  phone: string | null;
  preferred_language: Language;
  notes: string | null;
}

/** The "Gegevens" section of a person's edit page: name, phone, language and notes. */
export function PersonDetailsForm({
  person,
  answer,
  fieldLabels,
}: {
  person: EditablePerson;
  /** the action's refusal of this form */
  answer: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="details-heading" className="card space-y-4">
      <h2 id="details-heading" className="text-lg font-semibold">
        {t("people.edit.detailsHeading")}
      </h2>
      <ValidatedForm
        id="edit-person"
        key={`save-${person.version}`}
        schema={personDetailsSchema}
        actionData={answer}
        fieldLabels={fieldLabels}
        defaultValues={{
          intent: "save",
          version: person.version,
          first_name: person.first_name,
          infix: person.infix,
          last_name: person.last_name,
          initials: person.initials,
          salutation: person.salutation,
          title: person.title,
          phone: person.phone,
          preferred_language: person.preferred_language,
          notes: person.notes,
        }}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <PersonFormFields />
        <SubmitButton>{t("common.actions.save")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
