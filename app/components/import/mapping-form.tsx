import { useTranslation } from "react-i18next";
import { IMPORT_FIELDS, type ImportField } from "../../services/import-fields";
import { previewSchema } from "../../services/import-forms";
import { type FormActionData, HiddenField, SelectField, SubmitButton, ValidatedForm } from "../form";

export interface MappedColumn {
  header: string;
  example: string;
  field: ImportField | null;
}

/** The columns of the file, each with the field it is read as (suggested from its header), and the preview button. */
export function ImportMappingForm({
  columns,
  version,
  actionData,
}: {
  columns: readonly MappedColumn[];
  version: number;
  actionData: FormActionData | null;
}) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("import.mapping.none") },
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`import.fields.${field}`) })),
  ];
  const defaults = Object.fromEntries(columns.map((column, i) => [`column-${i}`, column.field ?? ""]));
  const unknown = columns.filter((column) => column.field === null);
  return (
    <section aria-labelledby="mapping-heading" className="card space-y-3">
      <h2 id="mapping-heading" className="text-lg font-semibold">
        {t("import.mapping.heading")}
      </h2>
      <p className="max-w-3xl">{t("import.mapping.intro")}</p>
      {unknown.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
          {unknown.map((column) => (
            <li key={column.header}>{t("import.mapping.unknownColumn", { column: column.header })}</li>
          ))}
        </ul>
      ) : null}
      <ValidatedForm
        id="mapping"
        schema={previewSchema}
        actionData={actionData}
        defaultValues={{ intent: "preview", version, ...defaults }}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("import.mapping.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("import.mapping.column")}</th>
                <th scope="col">{t("import.mapping.example")}</th>
                <th scope="col">{t("import.mapping.field")}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column, i) => (
                <tr key={`${i}-${column.header}`}>
                  <th scope="row" className="font-normal">
                    {column.header}
                  </th>
                  <td>{column.example}</td>
                  <td>
                    <SelectField
                      name={`column-${i}`}
                      label={t("import.mapping.fieldFor", { column: column.header })}
                      className="[&_label]:sr-only"
                      options={options}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <SubmitButton>{t("import.mapping.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
