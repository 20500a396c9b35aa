import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MergedEntity } from "../../../db/schema";
import { keepField, mergeSchema } from "../../services/merge-form";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";

interface ComparedRecord {
  id: number;
  name: string;
  version: number;
  values: Record<string, string | number | null>;
  labels: Record<string, string>;
}

export interface Comparison {
  survivor: ComparedRecord;
  merged: ComparedRecord;
  counts: Record<string, number>;
}

interface FoundRecord {
  id: number;
  title: string;
  subtitle: string | null;
}

const PATH: Record<MergedEntity, string> = { people: "/personen", organisations: "/organisaties" };

/** The page of a person or an organisation. */
export const recordPath = (entity: MergedEntity, id: number) => `${PATH[entity]}/${id}`;

/** Without a second record yet: a plain GET search for it, and the records found, each to compare with. */
export function MergeFinder({
  entity,
  survivorId,
  text,
  found,
}: {
  entity: MergedEntity;
  survivorId: number;
  text: string;
  found: readonly FoundRecord[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="find-heading" className="card space-y-3">
      <h2 id="find-heading" className="text-lg font-semibold">
        {t("merge.find.heading")}
      </h2>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="merge-find" className="field-label">
            {t(`merge.find.label.${entity}`)}
          </label>
          <input id="merge-find" name="zoek" type="search" defaultValue={text} className="field-input mt-1" />
        </div>
        <button type="submit" className="btn-secondary">
          {t("merge.find.submit")}
        </button>
      </Form>
      {text && found.length === 0 ? <p className="text-sm">{t("merge.find.none", { text })}</p> : null}
      {found.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t("merge.find.results")}</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {found.map((record) => (
              <li key={record.id}>
                <Link to={`${PATH[entity]}/${survivorId}/samenvoegen?met=${record.id}`}>
                  {t("merge.find.compare", { name: record.title })}
                </Link>
                {record.subtitle ? <span className="text-slate-600"> — {record.subtitle}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The two side by side: a radio per differing field, what moves, the swap and the confirmation. */
export function MergeForm({
  entity,
  comparison,
  fields,
  defaults,
  actionData,
}: {
  entity: MergedEntity;
  comparison: Comparison;
  fields: readonly string[];
  defaults: Record<string, string | number>;
  actionData: FormActionData | undefined;
}) {
  const { t } = useTranslation();
  const { survivor, merged, counts } = comparison;
  const shown = (record: ComparedRecord, field: string) => {
    const value = record.values[field];
    if (value === null || value === "") return t("merge.compare.empty");
    if (field === "iza_signatory") return value ? t("merge.compare.yes") : t("merge.compare.no");
    return record.labels[field] ?? String(value);
  };
  const moving = Object.entries(counts).filter(([kind, count]) => kind !== "panels" && count > 0);
  return (
    <>
      <p>
        <Link to={`${PATH[entity]}/${merged.id}/samenvoegen?met=${survivor.id}`} className="btn-secondary">
          {t("merge.compare.swap", { name: merged.name })}
        </Link>
      </p>
      <ValidatedForm
        schema={mergeSchema(entity)}
        actionData={actionData}
        defaultValues={defaults}
        id="merge"
        className="space-y-6"
      >
        <HiddenField name="survivorVersion" />
        <HiddenField name="mergedVersion" />
        <section aria-labelledby="compare-heading" className="card overflow-x-auto">
          <h2 id="compare-heading" className="text-lg font-semibold">
            {t("merge.compare.heading")}
          </h2>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">{t("merge.compare.caption")}</caption>
            <thead>
              <tr className="text-left">
                <th scope="col">{t("merge.compare.field")}</th>
                <th scope="col">{t("merge.compare.survivor", { name: survivor.name })}</th>
                <th scope="col">{t("merge.compare.merged", { name: merged.name })}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field} className="border-t border-slate-200">
                  <th scope="row" className="py-2 text-left font-medium" id={`field-${field}`}>
                    {t(`merge.fields.${field}` as "merge.fields.name")}
                  </th>
                  {([survivor, merged] as const).map((record, index) => (
                    <td key={record.id} className="py-2">
                      <label className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={keepField(field)}
                          value={index === 0 ? "survivor" : "merged"}
                          defaultChecked={
                            (actionData?.values?.[keepField(field)] ?? defaults[keepField(field)]) ===
                            (index === 0 ? "survivor" : "merged")
                          }
                          className="h-4 w-4"
                          aria-describedby={`field-${field}`}
                        />
                        {shown(record, field)}
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="moves-heading" className="card">
          <h2 id="moves-heading" className="text-lg font-semibold">
            {t("merge.moves.heading", { name: survivor.name })}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {moving.length === 0 ? <li>{t("merge.moves.nothing")}</li> : null}
            {moving.map(([kind, count]) => (
              <li key={kind}>{t(`merge.moves.${kind}` as "merge.moves.seats", { count })}</li>
            ))}
            {counts.panels ? <li>{t("merge.moves.panels", { count: counts.panels, name: survivor.name })}</li> : null}
            {entity === "people" ? <li>{t("merge.moves.optOuts")}</li> : null}
          </ul>
        </section>
        <div className="card space-y-4">
          <CheckboxField name="confirm" label={t("merge.confirm", { merged: merged.name, survivor: survivor.name })} />
          <p className="flex flex-wrap gap-3">
            <SubmitButton>{t("merge.submit")}</SubmitButton>
            <Link to={`${PATH[entity]}/${survivor.id}`} className="btn-secondary">
              {t("merge.cancel")}
            </Link>
          </p>
        </div>
      </ValidatedForm>
    </>
  );
}
