import type { Language } from "../../db/schema";
import { formatDay } from "../i18n/format";
import type { ExclusionReason, PanelReason, PanelRules, SeatRule } from "./panel-rules-schema";

/**
 * A wave's panel rules in words ("Iedereen met op 1 oktober 2025 een zetel in een strategisch of
 * tactisch gremium; plus …; niet: …"), so researchers can check and report the method without
 * reading JSON. The wording comes from the `waves.rulesText` messages; names of chosen records
 * come from `names` (an id without a name reads as "#id").
 */

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface RuleNames {
  bodies: Record<number, string>;
  subregions: Record<number, string>;
  themes: Record<number, string>;
  plans: Record<number, string>;
  sectors: Record<number, string>;
  people: Record<number, string>;
}

const AUTOMATIC_EXCLUSIONS: {
  flag: "researchOptOut" | "noEmail" | "noActiveAffiliation";
  reason: Exclude<ExclusionReason, "manual">;
}[] = [
  { flag: "researchOptOut", reason: "research_opt_out" },
  { flag: "noEmail", reason: "no_email" },
  { flag: "noActiveAffiliation", reason: "no_active_affiliation" },
];

/** "a, b of c" */
function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

function named(names: Record<number, string>, ids: readonly number[]): string[] {
  return ids.map((id) => names[id] ?? `#${id}`);
}

function seatRuleInWords(rule: SeatRule, date: string, names: RuleNames, t: Translate): string {
  const or = t("waves.rulesText.or");
  const lower = (key: string) => t(key).toLowerCase();
  const heads: string[] = [];
  if (rule.bodyIds.length > 0)
    heads.push(t("waves.rulesText.theBodies", { bodies: joinList(named(names.bodies, rule.bodyIds), or) }));
  if (rule.planIds.length > 0)
    heads.push(t("waves.rulesText.planTeams", { plans: joinList(named(names.plans, rule.planIds), or) }));
  if (rule.planFunding.length > 0) {
    heads.push(
      t("waves.rulesText.fundedPlanTeams", {
        funding: joinList(
          rule.planFunding.map((f) => t(`themes.funding.${f}`)),
          or,
        ),
      }),
    );
  }
  if (rule.levels.length > 0) {
    heads.push(
      t("waves.rulesText.aLevelBody", {
        levels: joinList(
          rule.levels.map((l) => lower(`register.levels.${l}`)),
          or,
        ),
      }),
    );
  }
  const what = [heads.length > 0 ? joinList(heads, t("waves.rulesText.and")) : t("waves.rulesText.aBody")];
  if (rule.bodyKinds.length > 0) {
    what.push(
      t("waves.rulesText.kindOf", {
        kinds: joinList(
          rule.bodyKinds.map((k) => lower(`register.bodyKinds.${k}`)),
          or,
        ),
      }),
    );
  }
  if (rule.subregionIds.length > 0) {
    what.push(
      t("waves.rulesText.inSubregions", { subregions: joinList(named(names.subregions, rule.subregionIds), or) }),
    );
  }
  if (rule.themeIds.length > 0)
    what.push(t("waves.rulesText.aboutThemes", { themes: joinList(named(names.themes, rule.themeIds), or) }));

  const words = [t("waves.rulesText.seatEveryone", { date })];
  if (rule.roles.length > 0)
    words.push(
      t("waves.rulesText.asRoles", {
        roles: joinList(
          rule.roles.map((r) => lower(`register.roles.${r}`)),
          or,
        ),
      }),
    );
  words.push(t("waves.rulesText.inBody", { what: what.join(" ") }));
  const sentence = words.join(" ");
  return rule.minAttendance ? `${sentence}, ${t("waves.rulesText.attendance", rule.minAttendance)}` : sentence;
}

export interface RulesInWords {
  /** one phrase per inclusion rule, seat rules first */
  inclusions: string[];
  exclusions: string[];
  /** the whole as one sentence */
  text: string;
}

export function panelRulesInWords(
  rules: PanelRules,
  referenceDate: string,
  names: RuleNames,
  t: Translate,
  language: Language,
): RulesInWords {
  const date = formatDay(referenceDate, language);
  const or = t("waves.rulesText.or");
  const inclusions = [
    ...rules.seatRules.map((rule) => seatRuleInWords(rule, date, names, t)),
    ...rules.organisationRules.map((rule) =>
      t("waves.rulesText.organisation", { date, sectors: joinList(named(names.sectors, rule.sectorIds), or) }),
    ),
  ];
  const exclusions = [
    ...AUTOMATIC_EXCLUSIONS.filter(({ flag }) => rules.exclude[flag]).map(({ reason }) =>
      t(`waves.rulesText.exclude.${reason}`),
    ),
    ...rules.exclude.manual.map((m) =>
      t("waves.rulesText.manual", { name: names.people[m.personId] ?? `#${m.personId}`, reason: m.reason }),
    ),
  ];
  if (inclusions.length === 0) return { inclusions, exclusions, text: t("waves.rulesText.none") };
  const included = inclusions.join(`; ${t("waves.rulesText.plus")} `);
  const sentence =
    exclusions.length > 0 ? `${included}; ${t("waves.rulesText.not")}: ${exclusions.join(", ")}` : included;
  return { inclusions, exclusions, text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}

/** Why a member is in the panel, one phrase per reason: "voorzitter in BRGZL", "werkt bij GGD Zuid Limburg". */
export function reasonsInWords(reasons: readonly PanelReason[], t: Translate): string[] {
  return reasons.map((reason) =>
    reason.rule === "seat"
      ? t("waves.reasons.seat", { role: t(`register.roles.${reason.role}`).toLowerCase(), body: reason.bodyName })
      : t("waves.reasons.organisation", { organisation: reason.organisationName }),
  );
}

/** Why a qualifying person is left out, one phrase per reason (a manual exclusion with its note). */
export function exclusionsInWords(reasons: readonly ExclusionReason[], note: string | null, t: Translate): string[] {
  return reasons.map((reason) =>
    t(`waves.exclusions.${reason}`, reason === "manual" ? { reason: note ?? "" } : undefined),
  );
}
