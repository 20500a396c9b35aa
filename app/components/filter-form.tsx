import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A list page's filters: a GET form, so the filter lives in the URL (shareable, back button works)
 * and needs no JavaScript; "reset" is a link to the bare list.
 */
export function FilterForm({ resetTo, label, children }: { resetTo: string; label?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className="card no-print flex flex-wrap items-end gap-4"
      aria-label={label ?? t("register.filters.heading")}
    >
      {children}
      <button type="submit" className="btn-primary">
        {t("register.filters.apply")}
      </button>
      <Link to={resetTo} className="btn-secondary">
        {t("register.filters.reset")}
      </Link>
    </Form>
  );
}

export interface FilterOption {
  value: string | number;
  label: string;
}

/** One select of a FilterForm; `anyLabel` adds a first option "all" with an empty value. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  options: readonly FilterOption[];
  anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className="field-input">
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox of a FilterForm that sends `name=1` when ticked. */
export function FilterCheckbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="flex items-center gap-2 pb-2">
      <input id={name} name={name} type="checkbox" value="1" defaultChecked={checked} className="h-4 w-4" />
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
    </div>
  );
}

/** A day of a filter form (a period's first or last day, a reference date), sent as `name=YYYY-MM-DD`. */
export function FilterDay({ name, label, value }: { name: string; label: string; value: string | null | undefined }) {
  return (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <input id={name} name={name} type="date" defaultValue={value ?? ""} className="field-input" />
    </div>
  );
}

/** The free-text search of a FilterForm (`q`), taking the room that is left. */
export function FilterSearch({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="min-w-48 flex-1">
      <label htmlFor="q" className="field-label">
        {label}
      </label>
      <input id="q" name="q" type="search" defaultValue={value ?? ""} className="field-input" />
    </div>
  );
}
