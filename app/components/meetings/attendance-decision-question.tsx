import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { RadioGroup } from "../form";
import { formatDay } from "../../i18n/format";
import type { DecisionPrompt } from "../../services/meeting-edit";

/**
 * Inside the edit form, after a date change of a meeting whose register was recorded: who is not
 * on the new date's roster, and whether to keep the register or clear it.
 */
export function AttendanceDecisionQuestion({ decision }: { decision: DecisionPrompt }) {
  const { t, i18n } = useTranslation();
  const date = formatDay(decision.date, i18n.language as Language);
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      {decision.notOnRoster.length > 0 ? (
        <>
          <p className="font-semibold">{t("meetings.edit.decisionDropped", { date })}</p>
          <ul className="list-disc pl-5">
            {decision.notOnRoster.map((person) => (
              <li key={person.person_id}>{person.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("meetings.edit.decisionNobodyDropped", { date })}</p>
      )}
      <RadioGroup
        name="attendance_decision"
        legend={t("meetings.edit.decisionLegend")}
        options={[
          { value: "keep", label: t("meetings.edit.decisionKeep") },
          { value: "clear", label: t("meetings.edit.decisionClear") },
        ]}
      />
    </div>
  );
}
