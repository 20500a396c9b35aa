import type { TFunction } from "i18next";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import type { SeatChoices } from "../../services/seat-choices";
import { addLeadSchema, endLeadSchema, type LeadIntent, removeLeadSchema } from "../../services/theme-lead-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { EnterButton, PersonChoiceField } from "../seat-choice-fields";

export interface LeadRow {
  id: number;
  version: number;
  person_id: number;
  name: string;
  start_date: string;
  end_date: string | null;
}

interface ThemeLeadsProps {
  current: LeadRow[];
  past: LeadRow[];
  today: string;
  /** null: the reader may not change the theme's leads */
  editing: {
    open: boolean;
    choices: SeatChoices;
    roundTrip: string;
    /** the refused form's answer, by intent and lead */
    answerFor: (intent: LeadIntent, leadId: number | null) => FormActionData | null;
  } | null;
}

/** The theme page's "Programmaleiding" (decision 048): who leads it now and before, and the forms to change that. */
export function ThemeLeadsSection({ current, past, today, editing }: ThemeLeadsProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="leads-heading" className="card space-y-4">
      <div>
        <h2 id="leads-heading" className="text-lg font-semibold">
          {t("themes.leads.heading")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("themes.leads.intro")}</p>
      </div>
      <LeadTable
        caption={t("themes.leads.current")}
        leads={current}
        empty={t("themes.leads.none")}
        editing={editing}
        today={today}
      />
      {past.length > 0 ? (
        <LeadTable
          caption={t("themes.leads.past")}
          leads={past}
          empty={t("themes.leads.nonePast")}
          editing={editing}
          today={today}
        />
      ) : null}
      {editing?.open ? <AddLeadForm key={`add-lead-${editing.roundTrip}`} today={today} editing={editing} /> : null}
    </section>
  );
}

function LeadTable({
  caption,
  leads,
  empty,
  editing,
  today,
}: {
  caption: string;
  leads: LeadRow[];
  empty: string;
  editing: ThemeLeadsProps["editing"];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (leads.length === 0) return <p>{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("themes.leads.person")}</th>
            <th scope="col">{t("themes.leads.period")}</th>
            {editing ? (
              <th scope="col" className="no-print">
                <span className="sr-only">{t("themes.leads.endSubmit")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id}>
              <td>
                <Link to={`/personen/${lead.person_id}`}>{lead.name}</Link>
              </td>
              <td>{periodText(t, lead, language)}</td>
              {editing ? (
                <td className="no-print space-y-3">
                  {lead.end_date === null || lead.end_date >= today ? (
                    <EndLeadForm lead={lead} today={today} actionData={editing.answerFor("endLead", lead.id)} />
                  ) : null}
                  <RemoveLeadForm lead={lead} actionData={editing.answerFor("removeLead", lead.id)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "sinds 1 maart 2024" or "1 maart 2024 t/m 31 december 2025", as Dutch readers read dates. */
export function periodText(
  t: TFunction,
  lead: { start_date: string; end_date: string | null },
  language: Language,
): string {
  const start = formatDay(lead.start_date, language);
  return lead.end_date === null
    ? t("themes.leads.since", { start })
    : t("themes.leads.range", { start, end: formatDay(lead.end_date, language) });
}

function AddLeadForm({ today, editing }: { today: string; editing: NonNullable<ThemeLeadsProps["editing"]> }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3 border-t border-slate-200 pt-4">
      <h3 className="font-semibold">{t("themes.leads.addHeading")}</h3>
      <ValidatedForm
        id="add-lead"
        schema={addLeadSchema}
        actionData={editing.answerFor("addLead", null)}
        defaultValues={{ intent: "addLead", person_id: "", start_date: today, end_date: "" }}
        className="space-y-4"
      >
        <EnterButton>{t("themes.leads.addSubmit")}</EnterButton>
        <HiddenField name="intent" />
        <PersonChoiceField
          name="person_id"
          legend={t("themes.leads.choosePerson")}
          choices={editing.choices}
          onPick={() => undefined}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="start_date" type="date" label={t("themes.leads.start")} required />
          <TextField name="end_date" type="date" label={t("themes.leads.end")} />
        </div>
        <SubmitButton>{t("themes.leads.addSubmit")}</SubmitButton>
      </ValidatedForm>
    </div>
  );
}

function EndLeadForm({ lead, today, actionData }: { lead: LeadRow; today: string; actionData: FormActionData | null }) {
  const { t } = useTranslation();
  return (
    <ValidatedForm
      id={`end-lead-${lead.id}`}
      schema={endLeadSchema}
      actionData={actionData}
      defaultValues={{ intent: "endLead", lead_id: lead.id, version: lead.version, end_date: today, confirm: false }}
      className="space-y-2"
    >
      <HiddenField name="intent" />
      <HiddenField name="lead_id" />
      <HiddenField name="version" />
      <TextField name="end_date" type="date" label={t("themes.leads.endLabel")} required />
      <CheckboxField name="confirm" label={t("themes.leads.endConfirm", { name: lead.name })} />
      <SubmitButton>{t("themes.leads.endSubmit")}</SubmitButton>
    </ValidatedForm>
  );
}

function RemoveLeadForm({ lead, actionData }: { lead: LeadRow; actionData: FormActionData | null }) {
  const { t } = useTranslation();
  return (
    <ValidatedForm
      id={`remove-lead-${lead.id}`}
      schema={removeLeadSchema}
      actionData={actionData}
      defaultValues={{ intent: "removeLead", lead_id: lead.id, version: lead.version, confirm: false }}
      className="space-y-2"
    >
      <HiddenField name="intent" />
      <HiddenField name="lead_id" />
      <HiddenField name="version" />
      <CheckboxField name="confirm" label={t("themes.leads.removeConfirm", { name: lead.name })} />
      <SubmitButton>{t("themes.leads.removeSubmit")}</SubmitButton>
    </ValidatedForm>
  );
}
