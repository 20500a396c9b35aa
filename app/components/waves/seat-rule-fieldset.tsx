import { useTranslation } from "react-i18next";
import { BODY_KINDS, BODY_LEVELS, type BodyLevel, FUNDING_STATUSES, SEAT_ROLES } from "../../../db/schema";
import { seatField } from "../../services/panel-rules-form";
import { rulesIntentValue } from "../../services/panel-rules-round-trip";
import { CheckboxGroupField, TextField } from "../form";
import { ReshapeButton } from "./reshape-button";

interface Named {
  id: number;
  name: string;
}

/** What a seat rule can choose from. */
export interface SeatRuleChoices {
  bodies: (Named & { level: BodyLevel })[];
  subregions: Named[];
  themes: Named[];
  plans: Named[];
}

const byName = (rows: readonly Named[]) => rows.map((row) => ({ value: String(row.id), label: row.name }));

/** Seat rule `index` of the rules form: which seats count, each list left empty meaning "any". */
export function SeatRuleFieldset({ index, choices }: { index: number; choices: SeatRuleChoices }) {
  const { t } = useTranslation();
  const options = <T extends string>(keys: readonly T[], label: (key: T) => string) =>
    keys.map((key) => ({ value: key, label: label(key) }));
  return (
    <fieldset className="card space-y-4">
      <legend className="px-1 font-semibold">{t("waves.rules.seatRule", { number: index + 1 })}</legend>
      {BODY_LEVELS.map((level) => {
        const bodies = choices.bodies.filter((body) => body.level === level);
        return bodies.length > 0 ? (
          <CheckboxGroupField
            key={level}
            name={seatField(index, `bodies_${level}`)}
            legend={t("waves.rules.bodiesAt", { level: t(`register.levels.${level}`) })}
            options={byName(bodies)}
          />
        ) : null;
      })}
      <CheckboxGroupField
        name={seatField(index, "levels")}
        legend={t("waves.rules.levels")}
        options={options(BODY_LEVELS, (l) => t(`register.levels.${l}`))}
      />
      <CheckboxGroupField
        name={seatField(index, "kinds")}
        legend={t("waves.rules.bodyKinds")}
        options={options(BODY_KINDS, (k) => t(`register.bodyKinds.${k}`))}
      />
      {choices.subregions.length > 0 ? (
        <CheckboxGroupField
          name={seatField(index, "subregions")}
          legend={t("waves.rules.subregions")}
          options={byName(choices.subregions)}
        />
      ) : null}
      {choices.themes.length > 0 ? (
        <CheckboxGroupField
          name={seatField(index, "themes")}
          legend={t("waves.rules.themes")}
          options={byName(choices.themes)}
        />
      ) : null}
      {choices.plans.length > 0 ? (
        <CheckboxGroupField
          name={seatField(index, "plans")}
          legend={t("waves.rules.plans")}
          options={byName(choices.plans)}
        />
      ) : null}
      <CheckboxGroupField
        name={seatField(index, "funding")}
        legend={t("waves.rules.planFunding")}
        options={options(FUNDING_STATUSES, (f) => t(`themes.funding.${f}`))}
      />
      <CheckboxGroupField
        name={seatField(index, "roles")}
        legend={t("waves.rules.roles")}
        options={options(SEAT_ROLES, (r) => t(`register.roles.${r}`))}
      />
      <fieldset className="space-y-2">
        <legend className="field-label">{t("waves.rules.attendance")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name={seatField(index, "minMeetings")} type="number" label={t("waves.rules.attendanceMeetings")} />
          <TextField name={seatField(index, "minMonths")} type="number" label={t("waves.rules.attendanceMonths")} />
        </div>
      </fieldset>
      <ReshapeButton value={rulesIntentValue.removeSeatRule(index)}>
        {t("waves.rules.removeSeatRule", { number: index + 1 })}
      </ReshapeButton>
    </fieldset>
  );
}
