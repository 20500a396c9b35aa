import { describe, expect, it } from "vitest";
import {
  manualPersonIds,
  parseRulesIntent,
  reshapeRulesForm,
  rulesIntentValue,
} from "../../app/services/panel-rules-round-trip";

describe("the rules form's buttons", () => {
  it("reads back every value a button sends", () => {
    expect(parseRulesIntent(rulesIntentValue.save, "")).toEqual({ kind: "save" });
    expect(parseRulesIntent(rulesIntentValue.search, "")).toEqual({ kind: "search" });
    expect(parseRulesIntent(rulesIntentValue.addSeatRule, "")).toEqual({ kind: "addSeatRule" });
    expect(parseRulesIntent(rulesIntentValue.removeSeatRule(2), "")).toEqual({ kind: "removeSeatRule", index: 2 });
    expect(parseRulesIntent(rulesIntentValue.removeManual(0), "")).toEqual({ kind: "removeManual", index: 0 });
    expect(parseRulesIntent(rulesIntentValue.excludePerson(41), "")).toEqual({ kind: "excludePerson", personId: 41 });
  });

  it("takes Enter as a search when the search field holds text, and as saving otherwise", () => {
    expect(parseRulesIntent("enter", " Bakker ")).toEqual({ kind: "search" });
    expect(parseRulesIntent("enter", "  ")).toEqual({ kind: "save" });
    expect(parseRulesIntent("enter", null)).toEqual({ kind: "save" });
  });

  it("knows no other value", () => {
    for (const value of [null, "", "removeSeatRule-", "removeSeatRule-x", "dropEverything-1", "save "])
      expect(parseRulesIntent(value, "")).toBeNull();
  });
});

describe("reshaping the rules form", () => {
  const sent = {
    seatRuleCount: "2",
    manualCount: "1",
    s0_levels: "strategisch",
    s1_roles: "voorzitter",
    m0_personId: "4",
    m0_reason: "vertrokken",
    personSearch: "Bakker",
  };

  it("keeps what was typed for a search", () => {
    expect(reshapeRulesForm(sent, { kind: "search" })).toBe(sent);
  });

  it("adds and removes seat rules and manual exclusions", () => {
    expect(reshapeRulesForm(sent, { kind: "addSeatRule" })).toMatchObject({ seatRuleCount: "3" });
    expect(reshapeRulesForm(sent, { kind: "removeSeatRule", index: 0 })).toEqual({
      seatRuleCount: "1",
      manualCount: "1",
      s0_roles: "voorzitter",
      m0_personId: "4",
      m0_reason: "vertrokken",
      personSearch: "Bakker",
    });
    expect(reshapeRulesForm(sent, { kind: "removeManual", index: 0 })).toMatchObject({ manualCount: "0" });
  });

  it("adds a person found to the exclusions and empties the search", () => {
    expect(reshapeRulesForm(sent, { kind: "excludePerson", personId: 9 })).toMatchObject({
      manualCount: "2",
      m1_personId: "9",
      m1_reason: "",
      personSearch: "",
    });
  });

  it("lists the people the manual exclusions name, skipping what is no id", () => {
    expect(manualPersonIds({ manualCount: "3", m0_personId: "4", m1_personId: "x", m2_personId: "9" })).toEqual([4, 9]);
  });
});
