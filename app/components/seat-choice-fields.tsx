import { useSubmit } from "@remix-run/react";
import { type MouseEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ENTER,
  idIn,
  ORGANISATION_QUERY,
  organisationOptions,
  PERSON_QUERY,
  queryField,
  SEARCH_BUTTON,
  type SearchKind,
  searchButtonValue,
  type SeatChoices,
} from "../services/seat-choices";
import { RadioGroup, SelectField, TextField } from "./form";

/**
 * The person and organisation fields of the seat forms (inside a ValidatedForm): a name is
 * searched with a round trip (see app/services/seat-choices.ts) and the results are offered as
 * choices, so nobody scrolls through the whole register. A search skips the form's validation
 * (a half-filled form may still search); saving validates as usual.
 */

/** Posts the form with the clicked button, past the browser's validation; with JavaScript through Remix. */
function useSearchSubmit() {
  const submit = useSubmit();
  return (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    submit(event.currentTarget, { method: "post", preventScrollReset: true });
  };
}

/**
 * The form's first, hidden button: Enter in a text field presses it. It searches when a search
 * field holds text and saves (with validation) when none does. Put it first in the form.
 */
export function EnterButton({ children }: { children: ReactNode }) {
  const searchSubmit = useSearchSubmit();
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    const typed = [PERSON_QUERY, ORGANISATION_QUERY].some((name) => {
      const field = form?.elements.namedItem(name);
      return field instanceof HTMLInputElement && field.value.trim() !== "";
    });
    if (typed) searchSubmit(event);
  };
  return (
    <button type="submit" name={SEARCH_BUTTON} value={ENTER} tabIndex={-1} className="hidden" onClick={onClick}>
      {children}
    </button>
  );
}

function SearchBox({ kind, label, hint, button }: { kind: SearchKind; label: string; hint: string; button: string }) {
  const searchSubmit = useSearchSubmit();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <TextField name={queryField(kind)} label={label} hint={hint} className="min-w-56 flex-1" autoComplete="off" />
      <button
        type="submit"
        name={SEARCH_BUTTON}
        value={searchButtonValue(kind)}
        className="btn-secondary"
        onClick={searchSubmit}
      >
        {button}
      </button>
    </div>
  );
}

/** What the last search of this kind found, read out; focused after the round trip so the choice is near. */
function FoundNotice({ choices, kind, field }: { choices: SeatChoices; kind: SearchKind; field: string }) {
  const { t } = useTranslation();
  const found = choices.found;
  if (!found || found.kind !== kind) return null;
  const text = !found.query
    ? t("bodies.choices.emptyQuery")
    : found.ids.length === 0
      ? t("bodies.choices.nothingFound", { query: found.query })
      : t(kind === "person" ? "bodies.choices.foundPeople" : "bodies.choices.foundOrganisations", {
          query: found.query,
          count: found.ids.length,
          field,
        });
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus -- after a search round trip (also without JavaScript) focus goes to what was found, next to the choices
    <p role="status" tabIndex={-1} autoFocus className="text-sm font-medium">
      {text}
    </p>
  );
}

/**
 * A person, chosen by searching. `vacancy` adds the choice "nobody yet" with that value. The
 * chosen person is told to `onPick`, so the organisation field can offer their jobs.
 */
export function PersonChoiceField({
  name,
  legend,
  choices,
  vacancy,
  onPick,
}: {
  name: string;
  legend: string;
  choices: SeatChoices;
  vacancy?: { value: string; label: string };
  onPick: (personId: number | null) => void;
}) {
  const { t } = useTranslation();
  const options = [
    ...(vacancy ? [vacancy] : []),
    ...choices.people.map((person) => ({
      value: String(person.id),
      label: person.organisations.length
        ? t("bodies.choices.personWithJobs", {
            name: person.name,
            organisations: person.organisations.map((o) => o.name).join(", "),
          })
        : person.name,
    })),
  ];
  return (
    <div
      className="space-y-3"
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLInputElement && target.name === name) onPick(idIn(target.value));
      }}
    >
      <SearchBox
        kind="person"
        label={t("bodies.choices.personSearch")}
        hint={t("bodies.choices.personSearchHint")}
        button={t("bodies.choices.searchPerson")}
      />
      <FoundNotice choices={choices} kind="person" field={legend} />
      <RadioGroup name={name} legend={legend} options={options} className="[&>div]:flex-col [&>div]:gap-y-2" />
      {choices.people.length === 0 ? <p className="text-sm text-slate-600">{t("bodies.choices.noPersonYet")}</p> : null}
    </div>
  );
}

/**
 * An organisation: the jobs of the chosen person first (of everyone on offer while nobody is
 * chosen), then any organisation found by searching. `none` is the label of the empty choice;
 * `leaveOut` an organisation not to offer (the one a seat is moved away from).
 */
export function OrganisationChoiceField({
  name,
  label,
  choices,
  personId,
  none,
  leaveOut = null,
  required,
}: {
  name: string;
  label: string;
  choices: SeatChoices;
  personId: number | null;
  none: string;
  leaveOut?: number | null;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const offered = organisationOptions(choices, personId, (n) => t("bodies.seat.archivedOrganisation", { name: n }));
  const options = [{ value: "", label: none }, ...offered.filter((option) => option.value !== String(leaveOut))];
  return (
    <div className="space-y-3">
      <SelectField
        name={name}
        label={label}
        required={required}
        options={options}
        hint={t("bodies.choices.organisationHint")}
      />
      <SearchBox
        kind="organisation"
        label={t("bodies.choices.organisationSearch")}
        hint={t("bodies.choices.organisationSearchHint")}
        button={t("bodies.choices.searchOrganisation")}
      />
      <FoundNotice choices={choices} kind="organisation" field={label} />
    </div>
  );
}

/** The person chosen in the form, followed as it changes (with JavaScript); starts from the rendered value. */
export function usePickedPerson(initial: string | string[] | null | undefined) {
  return useState<number | null>(() => idIn(initial ?? null));
}
