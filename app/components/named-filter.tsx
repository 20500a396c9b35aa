import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { choiceLabel, type NamedChoiceResult, textParam } from "../services/named-choice";

/**
 * A GET filter on one organisation or body by its name (see services/named-choice.ts): a text field
 * the server resolves; the chosen record's id rides along hidden, several matches are offered as links.
 */
export function NamedFilterField({
  name,
  label,
  kind,
  result,
}: {
  /** the id parameter, e.g. `organisatie`; the text goes in `organisatie_naam` */
  name: string;
  label: string;
  kind: "organisation" | "body";
  result: NamedChoiceResult;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const inputId = `${name}-name`;
  const hintId = `${inputId}-hint`;
  const value =
    result.state === "chosen"
      ? result.choice.name
      : result.state === "none"
        ? ""
        : result.text.startsWith("#")
          ? ""
          : result.text;
  const choiceLink = (id: number) => {
    const params = new URLSearchParams(location.search);
    params.delete(textParam(name));
    params.delete("pagina");
    params.set(name, String(id));
    return `${location.pathname}?${params}`;
  };
  return (
    <div className="w-full sm:w-72">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <input
        id={inputId}
        name={textParam(name)}
        type="search"
        // a new result is a new field: show the resolved name, not what was typed before
        key={value}
        defaultValue={value}
        className="field-input"
        aria-describedby={hintId}
        aria-invalid={result.state === "unknown" || undefined}
        autoComplete="off"
      />
      {result.state === "chosen" ? <input type="hidden" name={name} value={result.choice.id} /> : null}
      <p id={hintId} className="mt-1 text-xs text-slate-600">
        {t("organisations.lookup.hint")}
      </p>
      {result.state === "unknown" ? (
        <p role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {t(`organisations.lookup.${kind}.notFound`, { text: result.text })}
        </p>
      ) : null}
      {result.state === "ambiguous" ? (
        <div role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          <p>{t(`organisations.lookup.${kind}.choose`, { text: result.text })}</p>
          <ul className="mt-1 list-disc pl-5">
            {result.choices.map((choice) => (
              <li key={choice.id}>
                <Link to={choiceLink(choice.id)} className="underline">
                  {choiceLabel(choice)}
                </Link>
              </li>
            ))}
          </ul>
          {result.more ? <p className="mt-1">{t("organisations.lookup.more")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
