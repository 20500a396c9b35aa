import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import { EMPTY_PANEL_RULES, type PanelRules, seatRuleSchema } from "../../app/services/panel-rules-schema";
import { panelRulesInWords, type RuleNames, type Translate } from "../../app/services/panel-rules-text";

const names: RuleNames = {
  bodies: { 1: "Bestuurlijke Regiegroep", 2: "BAT" },
  subregions: { 3: "Parkstad" },
  themes: { 4: "Preventie" },
  plans: { 5: "Valpreventie" },
  sectors: { 6: "Gemeente", 7: "Zorgverzekeraar" },
  people: { 8: "Anna de Vries" },
};
const dutch = translator("nl") as unknown as Translate;
const english = translator("en") as unknown as Translate;
const seatRule = (rule: Partial<PanelRules["seatRules"][number]>) => seatRuleSchema.parse(rule);

const networkPanel: PanelRules = {
  ...EMPTY_PANEL_RULES,
  seatRules: [
    seatRule({ levels: ["strategisch", "tactisch"] }),
    seatRule({ planFunding: ["iza"], roles: ["projectleider"] }),
  ],
};

describe("panel rules in words", () => {
  it("reads the network's standard panel as one Dutch sentence with the reference date", () => {
    const words = panelRulesInWords(networkPanel, "2025-10-01", names, dutch, "nl");
    expect(words.text).toBe(
      "Iedereen met op 1 oktober 2025 een zetel in een strategisch of tactisch gremium; " +
        "plus iedereen met op 1 oktober 2025 een zetel als projectleider in het projectteam van een plan met IZA-financiering; " +
        "niet: wie onderzoeksmail heeft afgemeld, wie geen bruikbaar e-mailadres heeft, wie op de peildatum geen actieve functie heeft.",
    );
  });

  it("reads the same rules in English", () => {
    const words = panelRulesInWords(networkPanel, "2025-10-01", names, english, "en");
    expect(words.text).toMatch(/^Everyone holding a seat on 1 October 2025 in a strategic or tactical body; plus /);
    expect(words.text).toContain("as project lead in the project team of a plan with IZA funding");
  });

  it("names chosen bodies, kinds, subregions, themes and the attendance threshold", () => {
    const rules: PanelRules = {
      ...EMPTY_PANEL_RULES,
      seatRules: [
        seatRule({
          bodyIds: [1, 2],
          bodyKinds: ["werkgroep"],
          subregionIds: [3],
          themeIds: [4],
          roles: ["voorzitter", "lid"],
          minAttendance: { meetings: 3, months: 12 },
        }),
      ],
    };
    const [sentence] = panelRulesInWords(rules, "2025-10-01", names, dutch, "nl").inclusions;
    expect(sentence).toBe(
      "iedereen met op 1 oktober 2025 een zetel als voorzitter of lid in Bestuurlijke Regiegroep of BAT van de soort werkgroep in subregio Parkstad over thema Preventie, " +
        "die in de 12 maanden ervoor bij ten minste 3 vergaderingen aanwezig was",
    );
  });

  it("names the sectors of an organisation rule and manual exclusions with their reason", () => {
    const rules: PanelRules = {
      ...EMPTY_PANEL_RULES,
      organisationRules: [{ sectorIds: [6, 7] }],
      exclude: {
        researchOptOut: false,
        noEmail: false,
        noActiveAffiliation: false,
        manual: [{ personId: 8, reason: "met pensioen" }],
      },
    };
    expect(panelRulesInWords(rules, "2025-10-01", names, dutch, "nl").text).toBe(
      "Iedereen met op 1 oktober 2025 een functie bij een organisatie in de sector Gemeente of Zorgverzekeraar; niet: Anna de Vries (met pensioen).",
    );
  });

  it("says there are no rules yet when nothing is chosen", () => {
    expect(panelRulesInWords(EMPTY_PANEL_RULES, "2025-10-01", names, dutch, "nl").text).toBe(
      "Er zijn nog geen regels: het panel is leeg.",
    );
  });

  it("a seat rule with no restriction selects every seat, and says so", () => {
    const rules = { ...EMPTY_PANEL_RULES, seatRules: [seatRule({})] };
    expect(panelRulesInWords(rules, "2025-10-01", names, dutch, "nl").inclusions).toEqual([
      "iedereen met op 1 oktober 2025 een zetel in een gremium",
    ]);
  });
});
