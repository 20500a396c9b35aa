import { describe, expect, it } from "vitest";
import {
  addManualExclusion,
  addSeatRule,
  formValuesToRules,
  removeManualExclusion,
  removeSeatRule,
  rulesFormSchema,
  rulesToFormValues,
} from "../../app/services/panel-rules-form";
import { EMPTY_PANEL_RULES, type PanelRules, seatRuleSchema } from "../../app/services/panel-rules-schema";

const levels: Record<number, "strategisch" | "tactisch"> = { 1: "strategisch", 2: "tactisch" };
const levelOf = (id: number) => levels[id];

const rules: PanelRules = {
  seatRules: [
    seatRuleSchema.parse({ bodyIds: [1, 2], roles: ["voorzitter"], minAttendance: { meetings: 2, months: 6 } }),
    seatRuleSchema.parse({ planFunding: ["iza"], roles: ["projectleider"] }),
  ],
  organisationRules: [{ sectorIds: [9] }],
  exclude: {
    researchOptOut: true,
    noEmail: false,
    noActiveAffiliation: true,
    manual: [{ personId: 4, reason: "vertrokken" }],
  },
};

/** A form's values as a plain POST sends them: ticked boxes "on", unticked ones missing. */
function asPosted(values: Record<string, string | string[] | boolean>): Record<string, string | string[]> {
  const posted: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === true) posted[name] = "on";
    else if (value !== false && !(Array.isArray(value) && value.length === 0)) posted[name] = value;
  }
  return posted;
}

describe("the rules form and PanelRules", () => {
  it("turns rules into form values and back unchanged, bodies grouped by level", () => {
    const values = rulesToFormValues(rules, levelOf);
    expect(values.s0_bodies_strategisch).toEqual(["1"]);
    expect(values.s0_bodies_tactisch).toEqual(["2"]);
    expect(formValuesToRules(asPosted(values))).toEqual({ ok: true, rules });
    expect(formValuesToRules(values)).toEqual({ ok: true, rules });
  });

  it("reads empty lists and missing fields as no restriction, and an empty form as no rules", () => {
    expect(formValuesToRules({ seatRuleCount: "1" })).toEqual({
      ok: true,
      rules: {
        ...EMPTY_PANEL_RULES,
        seatRules: [seatRuleSchema.parse({})],
        exclude: { researchOptOut: false, noEmail: false, noActiveAffiliation: false, manual: [] },
      },
    });
    expect(formValuesToRules(asPosted(rulesToFormValues(EMPTY_PANEL_RULES, levelOf)))).toEqual({
      ok: true,
      rules: EMPTY_PANEL_RULES,
    });
  });

  it("reads react-hook-form's values: false for an empty group, a single string for one box", () => {
    const result = formValuesToRules({ seatRuleCount: "1", s0_roles: false, s0_levels: "tactisch", ex_noEmail: true });
    expect(result.ok && result.rules.seatRules[0]).toMatchObject({ roles: [], levels: ["tactisch"] });
    expect(result.ok && result.rules.exclude.noEmail).toBe(true);
  });

  it("needs both halves of the attendance threshold, each in range", () => {
    expect(formValuesToRules({ seatRuleCount: "1", s0_minMeetings: "3", s0_minMonths: "" })).toEqual({
      ok: false,
      errors: { s0_minMonths: "waves.errors.attendanceIncomplete" },
    });
    expect(formValuesToRules({ seatRuleCount: "1", s0_minMeetings: "0", s0_minMonths: "40" })).toEqual({
      ok: false,
      errors: { s0_minMeetings: "waves.errors.attendanceMeetings", s0_minMonths: "waves.errors.attendanceMonths" },
    });
  });

  it("refuses unknown roles and ids that are not numbers, and a manual exclusion without reason", () => {
    const result = formValuesToRules({
      seatRuleCount: "1",
      s0_roles: ["keizer"],
      s0_themes: ["x"],
      manualCount: "1",
      m0_personId: "4",
      m0_reason: " ",
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        s0_roles: "common.form.invalid",
        s0_themes: "common.form.invalid",
        m0_reason: "waves.errors.manualReasonRequired",
      },
    });
  });

  it("puts the errors on the fields through the form's schema", () => {
    const parsed = rulesFormSchema.safeParse({ seatRuleCount: "1", s0_minMeetings: "3" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["s0_minMonths", "waves.errors.attendanceIncomplete"],
    ]);
  });

  it("adds and removes seat rules keeping what was typed in the others", () => {
    const posted = asPosted(rulesToFormValues(rules, levelOf));
    const added = addSeatRule(posted);
    expect(added.seatRuleCount).toBe("3");
    const removed = removeSeatRule(added, 0);
    expect(removed.seatRuleCount).toBe("2");
    expect(removed.s0_funding).toBe(posted.s1_funding);
    expect(removed.s0_roles).toEqual(posted.s1_roles);
    expect(removed.s1_roles).toBeUndefined();
    const result = formValuesToRules(removed);
    expect(result.ok && result.rules.seatRules).toEqual([rules.seatRules[1], seatRuleSchema.parse({})]);
  });

  it("adds a person to exclude once, and removes an exclusion", () => {
    const posted = asPosted(rulesToFormValues(rules, levelOf));
    const added = addManualExclusion(posted, 7);
    expect(added).toMatchObject({ manualCount: "2", m1_personId: "7", m1_reason: "" });
    expect(addManualExclusion(added, 7)).toBe(added);
    expect(removeManualExclusion(added, 0)).toMatchObject({ manualCount: "1", m0_personId: "7" });
  });
});
