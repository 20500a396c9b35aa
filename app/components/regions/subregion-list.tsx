import { useTranslation } from "react-i18next";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { REGION_SCHEMAS } from "../../services/region-forms";

type Refused = (FormActionData & { subregion?: unknown }) | null;

/**
 * A region's subregions, each renamed or removed in its own form (removing asks for a tick first),
 * and the form to add one. A refused form shows its messages at the subregion it was about.
 */
export function SubregionList({
  version,
  subregions,
  refused,
}: {
  version: number;
  subregions: readonly { id: number; code: string; name: string }[];
  refused: { add: Refused; rename: Refused; remove: Refused };
}) {
  const { t } = useTranslation();
  const about = (answer: Refused, id: number) => (answer && answer.subregion === String(id) ? answer : null);
  return (
    <section aria-labelledby="subregions-heading" className="card space-y-4">
      <h2 id="subregions-heading" className="text-lg font-semibold">
        {t("regions.subregions.heading")}
      </h2>
      {subregions.length === 0 ? <p className="text-slate-700">{t("regions.subregions.none")}</p> : null}
      <ul className="space-y-4">
        {subregions.map((subregion) => (
          <li key={subregion.id} className="space-y-3 border-b border-slate-200 pb-4">
            <h3 className="font-semibold">{subregion.name}</h3>
            <ValidatedForm
              id={`rename-subregion-${subregion.id}`}
              key={`rename-${subregion.id}-${version}`}
              schema={REGION_SCHEMAS.renameSubregion}
              actionData={about(refused.rename, subregion.id)}
              defaultValues={{
                intent: "renameSubregion",
                version,
                subregion: subregion.id,
                name: subregion.name,
                code: subregion.code,
              }}
              className="flex flex-wrap items-end gap-3"
            >
              <HiddenField name="intent" />
              <HiddenField name="version" />
              <HiddenField name="subregion" />
              <TextField name="name" label={t("regions.fields.name")} autoComplete="off" required />
              <TextField name="code" label={t("regions.fields.code")} autoComplete="off" required />
              <SubmitButton>{t("regions.subregions.renameSubmit")}</SubmitButton>
            </ValidatedForm>
            <ValidatedForm
              id={`remove-subregion-${subregion.id}`}
              key={`remove-${subregion.id}-${version}`}
              schema={REGION_SCHEMAS.removeSubregion}
              actionData={about(refused.remove, subregion.id)}
              defaultValues={{ intent: "removeSubregion", version, subregion: subregion.id }}
              className="flex flex-wrap items-end gap-3"
            >
              <HiddenField name="intent" />
              <HiddenField name="version" />
              <HiddenField name="subregion" />
              <CheckboxField name="confirm" label={t("regions.subregions.removeConfirm", { name: subregion.name })} />
              <SubmitButton>{t("regions.subregions.removeSubmit")}</SubmitButton>
            </ValidatedForm>
          </li>
        ))}
      </ul>
      <h3 className="font-semibold">{t("regions.subregions.addHeading")}</h3>
      <ValidatedForm
        id="add-subregion"
        key={`add-${version}`}
        schema={REGION_SCHEMAS.addSubregion}
        actionData={refused.add}
        defaultValues={{ intent: "addSubregion", version }}
        className="flex flex-wrap items-end gap-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <TextField name="name" label={t("regions.fields.name")} autoComplete="off" required />
        <TextField
          name="code"
          label={t("regions.fields.code")}
          hint={t("regions.fields.codeHint")}
          autoComplete="off"
          required
        />
        <SubmitButton>{t("regions.subregions.addSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
