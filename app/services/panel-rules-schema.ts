import { z } from "zod";
import {
  BODY_KINDS,
  BODY_LEVELS,
  type BodyLevel,
  FUNDING_STATUSES,
  type Language,
  SEAT_ROLES,
  type SeatRole,
} from "../../db/schema";

/**
 * A survey wave's panel rules, stored with the wave as JSON and edited in a form: data, not code,
 * so the draw can be reported and repeated. Checked with this schema wherever they are read or
 * written (browser, action, model, database loader).
 *
 * A person is in the panel when, on the reference date, they qualify through at least one
 * inclusion rule and are not excluded. Every list below left empty means "no restriction" on that
 * dimension; a seat rule with every list empty selects every seat.
 */
const ids = z.array(z.number().int().positive()).default([]);

/** "People holding, on the reference date, a seat in these bodies / kinds / levels / … with these roles." */
export const seatRuleSchema = z.object({
  bodyIds: ids,
  bodyKinds: z.array(z.enum(BODY_KINDS)).default([]),
  levels: z.array(z.enum(BODY_LEVELS)).default([]),
  /** the body's subregion */
  subregionIds: ids,
  /** the body's theme */
  themeIds: ids,
  /** the team bodies of these plans */
  planIds: ids,
  /** the team bodies of plans with this funding status (e.g. IZA-financiering) */
  planFunding: z.array(z.enum(FUNDING_STATUSES)).default([]),
  roles: z.array(z.enum(SEAT_ROLES)).default([]),
  /** only those present at at least `meetings` meetings of that body in the `months` before the reference date */
  minAttendance: z
    .object({ meetings: z.number().int().min(1).max(100), months: z.number().int().min(1).max(36) })
    .nullable()
    .default(null),
});
export type SeatRule = z.infer<typeof seatRuleSchema>;

/** "Everyone working (active affiliation on the reference date) at organisations of these sectors." */
export const organisationRuleSchema = z.object({
  sectorIds: z.array(z.number().int().positive()).min(1),
});
export type OrganisationRule = z.infer<typeof organisationRuleSchema>;

export const manualExclusionSchema = z.object({
  personId: z.number().int().positive(),
  reason: z.string().trim().min(1).max(500),
});
export type ManualExclusion = z.infer<typeof manualExclusionSchema>;

export const panelRulesSchema = z.object({
  seatRules: z.array(seatRuleSchema).default([]),
  organisationRules: z.array(organisationRuleSchema).default([]),
  exclude: z
    .object({
      /** opted out of research mail (their current research consent is "withdrawn") */
      researchOptOut: z.boolean().default(true),
      /** no usable e-mail address */
      noEmail: z.boolean().default(true),
      /** no active affiliation on the reference date */
      noActiveAffiliation: z.boolean().default(true),
      manual: z.array(manualExclusionSchema).default([]),
    })
    .default({ researchOptOut: true, noEmail: true, noActiveAffiliation: true, manual: [] }),
});
export type PanelRules = z.infer<typeof panelRulesSchema>;

/** The rules of a new wave: nothing selected yet, the standard exclusions on. */
export const EMPTY_PANEL_RULES: PanelRules = panelRulesSchema.parse({});

/** Reads stored rules (JSON text), refusing anything the schema does not accept. */
export function parseStoredRules(json: string): PanelRules {
  return panelRulesSchema.parse(JSON.parse(json));
}

/* ---------- what a draw produces (the preview shows it, freezing stores it) ---------- */

/** Why a person qualifies: a seat matched by a seat rule, or a job matched by an organisation rule. */
export type PanelReason =
  | {
      rule: "seat";
      ruleIndex: number;
      seatId: number;
      bodyId: number;
      bodyName: string;
      role: SeatRole;
      level: BodyLevel;
    }
  | { rule: "organisation"; ruleIndex: number; organisationId: number; organisationName: string };

/** Why a qualifying person is left out. */
export type ExclusionReason = "research_opt_out" | "no_email" | "no_active_affiliation" | "manual";

/** A member's attributes as they were on the reference date. */
export interface PanelAttributes {
  /** the organisation of the highest-level qualifying seat, else the first active affiliation */
  organisationId: number | null;
  organisationName: string | null;
  organisationShortName: string | null;
  sectorCode: string | null;
  sectorName: string | null;
  /** the organisation's subregions */
  subregions: string[];
  /** the highest level among the person's qualifying seats (strategisch > tactisch > operationeel) */
  level: BodyLevel | null;
  bodies: { id: number; name: string; abbreviation: string | null; level: BodyLevel; role: SeatRole }[];
  roles: SeatRole[];
}

export interface DrawnMember {
  personId: number;
  firstName: string | null;
  infix: string | null;
  lastName: string;
  salutation: string | null;
  email: string;
  language: Language;
  attributes: PanelAttributes;
  reasons: PanelReason[];
}

export interface DrawnExclusion {
  personId: number;
  firstName: string | null;
  infix: string | null;
  lastName: string;
  reasons: ExclusionReason[];
  /** the reason typed for a manual exclusion */
  note: string | null;
  /** what would have put them in the panel */
  qualifiedBy: PanelReason[];
}

export interface DrawnPanel {
  referenceDate: string;
  rules: PanelRules;
  members: DrawnMember[];
  excluded: DrawnExclusion[];
  /**
   * When nobody is selected: which rule emptied the set, e.g. { step: "seatRule", index: 0 } when
   * that seat rule matches no seat, or { step: "exclusion", reason: "no_email" } when the exclusions
   * removed everyone. Null when the panel has members.
   */
  emptiedBy:
    | { step: "noRules" }
    | { step: "seatRule" | "organisationRule"; index: number }
    | { step: "exclusion"; reason: ExclusionReason }
    | null;
}
