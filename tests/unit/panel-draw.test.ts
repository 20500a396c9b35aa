import { describe, expect, it } from "vitest";
import {
  attendanceWindow,
  comparePanels,
  drawFromFacts,
  emptiedByMessage,
  type FactBody,
  type FactPerson,
  monthsBefore,
  type PanelFacts,
  panelStrata,
} from "../../app/services/panel-draw";
import { panelRulesSchema, type PanelRules } from "../../app/services/panel-rules-schema";

const REFERENCE = "2025-10-01";

/** Rules as the form would store them: every omitted list empty, the standard exclusions on. */
const rules = (input: Record<string, unknown>): PanelRules => panelRulesSchema.parse(input);

/** Facts built line by line: bodies, people with a job, seats, presences. */
function world() {
  const facts: PanelFacts = { bodies: [], seats: [], people: [], affiliations: [], organisations: [], presences: [] };
  let nextId = 1;
  const id = () => nextId++;
  const organisation = (
    values: { name?: string; sectorId?: number; sectorCode?: string; subregions?: string[] } = {},
  ) => {
    const o = {
      id: id(),
      name: values.name ?? `Organisatie ${nextId}`,
      shortName: null,
      sectorId: values.sectorId ?? 1,
      sectorCode: values.sectorCode ?? "gemeente",
      sectorName: values.sectorCode ?? "Gemeente",
      subregions: values.subregions ?? ["Parkstad"],
    };
    facts.organisations.push(o);
    return o;
  };
  const defaultOrganisation = organisation({ name: "Gemeente Heerlen" });
  const body = (values: Partial<FactBody> = {}) => {
    const b: FactBody = {
      id: id(),
      name: `Gremium ${nextId}`,
      abbreviation: null,
      kind: "overleg",
      level: "tactisch",
      subregionIds: [],
      themeId: null,
      plans: [],
      ...values,
    };
    facts.bodies.push(b);
    return b;
  };
  const person = (
    values: Partial<FactPerson> & { organisationId?: number | null; jobStart?: string; jobEnd?: string | null } = {},
  ) => {
    const { organisationId, jobStart, jobEnd, ...rest } = values;
    const p: FactPerson = {
      id: id(),
      firstName: "Test",
      infix: null,
      lastName: `Persoon ${nextId}`,
      salutation: null,
      language: "nl",
      archived: false,
      email: `p${nextId}@example.org`,
      researchConsent: null,
      ...rest,
    };
    facts.people.push(p);
    if (organisationId !== null) {
      facts.affiliations.push({
        id: id(),
        personId: p.id,
        organisationId: organisationId ?? defaultOrganisation.id,
        startDate: jobStart ?? "2024-01-01",
        endDate: jobEnd ?? null,
      });
    }
    return p;
  };
  const seat = (personId: number, bodyId: number, values: Partial<PanelFacts["seats"][number]> = {}) => {
    const s = {
      id: id(),
      personId,
      bodyId,
      role: "lid" as const,
      organisationId: null,
      startDate: "2025-01-01",
      endDate: null,
      ...values,
    };
    facts.seats.push(s);
    return s;
  };
  const present = (personId: number, bodyId: number, ...dates: string[]) => {
    for (const date of dates) facts.presences.push({ personId, bodyId, meetingId: id(), date });
  };
  return { facts, organisation, defaultOrganisation, body, person, seat, present };
}

const ids = (panel: { members: { personId: number }[] }) => panel.members.map((m) => m.personId).sort((a, b) => a - b);

describe("each seat rule alone", () => {
  it("selects the holders of seats in the chosen bodies, kinds, levels, subregions, themes and roles", () => {
    const w = world();
    const strategic = w.body({ level: "strategisch", kind: "regiegroep", subregionIds: [7], themeId: 9 });
    const operational = w.body({ level: "operationeel", kind: "werkgroep" });
    const chair = w.person();
    const member = w.person();
    w.seat(chair.id, strategic.id, { role: "voorzitter" });
    w.seat(member.id, operational.id);
    const draw = (rule: Record<string, unknown>) =>
      ids(drawFromFacts(w.facts, rules({ seatRules: [rule] }), REFERENCE));

    expect(draw({ bodyIds: [strategic.id] })).toEqual([chair.id]);
    expect(draw({ bodyKinds: ["werkgroep"] })).toEqual([member.id]);
    expect(draw({ levels: ["strategisch"] })).toEqual([chair.id]);
    expect(draw({ subregionIds: [7] })).toEqual([chair.id]);
    expect(draw({ themeIds: [9] })).toEqual([chair.id]);
    expect(draw({ roles: ["lid"] })).toEqual([member.id]);
    expect(draw({})).toEqual([chair.id, member.id]);
  });

  it("selects a plan's team through the plan or its funding", () => {
    const w = world();
    const izaTeam = w.body({ kind: "projectteam", plans: [{ id: 50, funding: ["iza"] }] });
    const otherTeam = w.body({ kind: "projectteam", plans: [{ id: 51, funding: ["andere"] }] });
    const a = w.person();
    const b = w.person();
    w.seat(a.id, izaTeam.id, { role: "projectleider" });
    w.seat(b.id, otherTeam.id, { role: "projectleider" });
    expect(ids(drawFromFacts(w.facts, rules({ seatRules: [{ planIds: [51] }] }), REFERENCE))).toEqual([b.id]);
    expect(ids(drawFromFacts(w.facts, rules({ seatRules: [{ planFunding: ["iza"] }] }), REFERENCE))).toEqual([a.id]);
  });

  it("requires every filled-in list of a rule to match the same seat", () => {
    const w = world();
    const strategic = w.body({ level: "strategisch" });
    const tactical = w.body({ level: "tactisch" });
    const p = w.person();
    w.seat(p.id, strategic.id, { role: "lid" });
    w.seat(p.id, tactical.id, { role: "voorzitter" });
    expect(
      ids(
        drawFromFacts(w.facts, rules({ seatRules: [{ levels: ["strategisch"], roles: ["voorzitter"] }] }), REFERENCE),
      ),
    ).toEqual([]);
  });

  it("never takes in archived people, nor lists them among the excluded", () => {
    const w = world();
    const b = w.body();
    const archived = w.person({ archived: true });
    w.seat(archived.id, b.id);
    const panel = drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE);
    expect(panel.members).toEqual([]);
    expect(panel.excluded).toEqual([]);
  });
});

describe("the reference date", () => {
  it("leaves out a seat that ended the day before and keeps one that starts on the day or ends on it", () => {
    const w = world();
    const b = w.body();
    const endedBefore = w.person();
    const startsOnTheDay = w.person();
    const endsOnTheDay = w.person();
    const startsAfter = w.person();
    w.seat(endedBefore.id, b.id, { startDate: "2024-01-01", endDate: "2025-09-30" });
    w.seat(startsOnTheDay.id, b.id, { startDate: REFERENCE });
    w.seat(endsOnTheDay.id, b.id, { startDate: "2024-01-01", endDate: REFERENCE });
    w.seat(startsAfter.id, b.id, { startDate: "2025-10-02" });
    expect(ids(drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE))).toEqual(
      [startsOnTheDay.id, endsOnTheDay.id].sort((x, y) => x - y),
    );
  });
});

describe("attendance thresholds", () => {
  it("counts meetings from the same day M months earlier up to the day before the reference date", () => {
    expect(attendanceWindow(REFERENCE, 12)).toEqual({ from: "2024-10-01", until: REFERENCE });
    expect(monthsBefore("2025-03-31", 1)).toBe("2025-02-28");
    expect(monthsBefore("2024-03-31", 1)).toBe("2024-02-29");
    expect(monthsBefore("2025-01-15", 13)).toBe("2023-12-15");
  });

  it("keeps those present at N meetings inside the window, counting its first day but not the reference date", () => {
    const w = world();
    const b = w.body();
    const onTheEdges = w.person();
    const oneShort = w.person();
    const outside = w.person();
    for (const p of [onTheEdges, oneShort, outside]) w.seat(p.id, b.id);
    w.present(onTheEdges.id, b.id, "2025-07-01", "2025-09-30");
    w.present(oneShort.id, b.id, "2025-08-15", REFERENCE);
    w.present(outside.id, b.id, "2025-06-30", "2025-09-01");
    const panel = drawFromFacts(
      w.facts,
      rules({ seatRules: [{ minAttendance: { meetings: 2, months: 3 } }] }),
      REFERENCE,
    );
    expect(ids(panel)).toEqual([onTheEdges.id]);
  });

  it("counts only the meetings of the seat's own body", () => {
    const w = world();
    const b = w.body();
    const elsewhere = w.body();
    const p = w.person();
    w.seat(p.id, b.id);
    w.present(p.id, elsewhere.id, "2025-09-01", "2025-09-15");
    w.present(p.id, b.id, "2025-09-20");
    expect(
      ids(drawFromFacts(w.facts, rules({ seatRules: [{ minAttendance: { meetings: 2, months: 12 } }] }), REFERENCE)),
    ).toEqual([]);
    expect(
      ids(drawFromFacts(w.facts, rules({ seatRules: [{ minAttendance: { meetings: 1, months: 12 } }] }), REFERENCE)),
    ).toEqual([p.id]);
  });
});

describe("organisation rules", () => {
  it("select everyone with an active job at an organisation of the sectors", () => {
    const w = world();
    const hospital = w.organisation({ name: "Ziekenhuis", sectorId: 2, sectorCode: "ziekenhuis" });
    const nurse = w.person({ organisationId: hospital.id });
    w.person({ organisationId: hospital.id, jobEnd: "2025-09-30" });
    w.person();
    const panel = drawFromFacts(w.facts, rules({ organisationRules: [{ sectorIds: [2] }] }), REFERENCE);
    expect(ids(panel)).toEqual([nurse.id]);
    expect(panel.members[0]!.reasons).toEqual([
      { rule: "organisation", ruleIndex: 0, organisationId: hospital.id, organisationName: "Ziekenhuis" },
    ]);
    expect(panel.members[0]!.attributes).toMatchObject({
      organisationId: hospital.id,
      sectorCode: "ziekenhuis",
      level: null,
      bodies: [],
      roles: [],
    });
  });
});

describe("one person, every reason", () => {
  it("lists a person once with each matching seat of each rule and each organisation rule", () => {
    const w = world();
    const hospital = w.organisation({ sectorId: 2, sectorCode: "ziekenhuis" });
    const regie = w.body({ name: "Regiegroep", level: "strategisch" });
    const team = w.body({ name: "Projectteam", kind: "projectteam", plans: [{ id: 1, funding: ["iza"] }] });
    const p = w.person({ organisationId: hospital.id });
    const s1 = w.seat(p.id, regie.id, { role: "voorzitter" });
    const s2 = w.seat(p.id, team.id, { role: "projectleider" });
    const panel = drawFromFacts(
      w.facts,
      rules({
        seatRules: [{ levels: ["strategisch", "tactisch"] }, { planFunding: ["iza"], roles: ["projectleider"] }],
        organisationRules: [{ sectorIds: [2] }],
      }),
      REFERENCE,
    );
    expect(panel.members).toHaveLength(1);
    expect(panel.members[0]!.reasons).toEqual([
      {
        rule: "seat",
        ruleIndex: 0,
        seatId: s1.id,
        bodyId: regie.id,
        bodyName: "Regiegroep",
        role: "voorzitter",
        level: "strategisch",
      },
      {
        rule: "seat",
        ruleIndex: 0,
        seatId: s2.id,
        bodyId: team.id,
        bodyName: "Projectteam",
        role: "projectleider",
        level: "tactisch",
      },
      {
        rule: "seat",
        ruleIndex: 1,
        seatId: s2.id,
        bodyId: team.id,
        bodyName: "Projectteam",
        role: "projectleider",
        level: "tactisch",
      },
      { rule: "organisation", ruleIndex: 0, organisationId: hospital.id, organisationName: hospital.name },
    ]);
    expect(panel.members[0]!.attributes.bodies.map((b) => b.id)).toEqual([regie.id, team.id]);
    expect(panel.members[0]!.attributes.roles).toEqual(["voorzitter", "projectleider"]);
  });

  it("draws the issue's panel: strategic or tactical seats, plus project leaders of IZA-funded plans", () => {
    const w = world();
    const regie = w.body({ level: "strategisch", kind: "regiegroep" });
    const adviesteam = w.body({ level: "tactisch", kind: "adviesteam" });
    const werkgroep = w.body({ level: "operationeel", kind: "werkgroep" });
    const izaTeam = w.body({ level: "operationeel", kind: "projectteam", plans: [{ id: 1, funding: ["iza"] }] });
    const waitingTeam = w.body({
      level: "operationeel",
      kind: "projectteam",
      plans: [{ id: 2, funding: ["wachtlijst_iza"] }],
    });
    const strategic = w.person();
    const tactical = w.person();
    const operational = w.person();
    const izaLeader = w.person();
    const izaMember = w.person();
    const waitingLeader = w.person();
    w.seat(strategic.id, regie.id);
    w.seat(tactical.id, adviesteam.id);
    w.seat(tactical.id, regie.id, { startDate: "2025-10-02" });
    w.seat(operational.id, werkgroep.id);
    w.seat(izaLeader.id, izaTeam.id, { role: "projectleider" });
    w.seat(izaMember.id, izaTeam.id);
    w.seat(waitingLeader.id, waitingTeam.id, { role: "projectleider" });
    const panel = drawFromFacts(
      w.facts,
      rules({
        seatRules: [{ levels: ["strategisch", "tactisch"] }, { planFunding: ["iza"], roles: ["projectleider"] }],
      }),
      REFERENCE,
    );
    expect(ids(panel)).toEqual([strategic.id, tactical.id, izaLeader.id]);
    expect(panel.members.find((m) => m.personId === izaLeader.id)!.reasons).toEqual([
      expect.objectContaining({ rule: "seat", ruleIndex: 1, bodyId: izaTeam.id, role: "projectleider" }),
    ]);
  });
});

describe("exclusions", () => {
  function excludable() {
    const w = world();
    const b = w.body();
    const fine = w.person({ lastName: "Aa" });
    const optedOut = w.person({ researchConsent: "withdrawn" });
    const consenting = w.person({ researchConsent: "given" });
    const noEmail = w.person({ email: null });
    const jobless = w.person({ organisationId: null });
    const pastJob = w.person({ jobEnd: "2025-09-30" });
    for (const p of [fine, optedOut, consenting, noEmail, jobless, pastJob]) w.seat(p.id, b.id);
    return { w, fine, optedOut, consenting, noEmail, jobless, pastJob };
  }

  it("leave out opt-outs, people without e-mail and people without an active job, saying why", () => {
    const { w, fine, optedOut, consenting, noEmail, jobless, pastJob } = excludable();
    const panel = drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE);
    expect(ids(panel)).toEqual([fine.id, consenting.id]);
    const why = Object.fromEntries(panel.excluded.map((e) => [e.personId, e.reasons]));
    expect(why).toEqual({
      [optedOut.id]: ["research_opt_out"],
      [noEmail.id]: ["no_email"],
      [jobless.id]: ["no_active_affiliation"],
      [pastJob.id]: ["no_active_affiliation"],
    });
    expect(panel.excluded.find((e) => e.personId === noEmail.id)!.qualifiedBy).toEqual([
      expect.objectContaining({ rule: "seat", ruleIndex: 0 }),
    ]);
  });

  it("each can be switched off", () => {
    const { w, optedOut, noEmail, jobless } = excludable();
    const off = (exclude: Record<string, boolean>) =>
      ids(drawFromFacts(w.facts, rules({ seatRules: [{}], exclude }), REFERENCE));
    expect(off({ researchOptOut: false })).toContain(optedOut.id);
    expect(off({ noEmail: false })).toContain(noEmail.id);
    expect(off({ noActiveAffiliation: false })).toContain(jobless.id);
    const kept = drawFromFacts(w.facts, rules({ seatRules: [{}], exclude: { noEmail: false } }), REFERENCE);
    expect(kept.members.find((m) => m.personId === noEmail.id)!.email).toBe("");
  });

  it("a manual exclusion carries its typed reason, alongside any other reason", () => {
    const { w, fine, optedOut } = excludable();
    const panel = drawFromFacts(
      w.facts,
      rules({
        seatRules: [{}],
        exclude: {
          manual: [
            { personId: fine.id, reason: "Met pensioen" },
            { personId: optedOut.id, reason: "Op verzoek" },
          ],
        },
      }),
      REFERENCE,
    );
    expect(ids(panel)).not.toContain(fine.id);
    expect(panel.excluded.find((e) => e.personId === fine.id)).toMatchObject({
      reasons: ["manual"],
      note: "Met pensioen",
    });
    expect(panel.excluded.find((e) => e.personId === optedOut.id)).toMatchObject({
      reasons: ["research_opt_out", "manual"],
      note: "Op verzoek",
    });
  });
});

describe("attributes", () => {
  it("take the organisation of the highest-level seat, ties going to the earlier role, then the older seat", () => {
    const w = world();
    const a = w.organisation({ name: "A", sectorCode: "a" });
    const b = w.organisation({
      name: "B",
      sectorCode: "b",
      subregions: ["Westelijke Mijnstreek", "Maastricht-Heuvelland"],
    });
    const c = w.organisation({ name: "C", sectorCode: "c" });
    const tactical = w.body({ level: "tactisch" });
    const strategic1 = w.body({ level: "strategisch" });
    const strategic2 = w.body({ level: "strategisch" });
    const p = w.person();
    w.seat(p.id, tactical.id, { role: "voorzitter", organisationId: a.id });
    w.seat(p.id, strategic1.id, { role: "lid", organisationId: c.id });
    w.seat(p.id, strategic2.id, { role: "vicevoorzitter", organisationId: b.id });
    const [member] = drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE).members;
    expect(member!.attributes).toMatchObject({
      organisationId: b.id,
      sectorCode: "b",
      subregions: ["Maastricht-Heuvelland", "Westelijke Mijnstreek"],
      level: "strategisch",
      roles: ["voorzitter", "vicevoorzitter", "lid"],
    });
    expect(member!.attributes.bodies.map((x) => x.id)).toEqual([strategic2.id, strategic1.id, tactical.id]);
  });

  it("fall back to the first active job when no qualifying seat names an organisation", () => {
    const w = world();
    const later = w.organisation({ name: "Later" });
    const b = w.body();
    const p = w.person({ jobStart: "2020-01-01" });
    w.facts.affiliations.push({
      id: 999,
      personId: p.id,
      organisationId: later.id,
      startDate: "2023-01-01",
      endDate: null,
    });
    w.seat(p.id, b.id);
    const [member] = drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE).members;
    expect(member!.attributes.organisationId).toBe(w.defaultOrganisation.id);
  });
});

describe("members", () => {
  it("are sorted by Dutch name, the tussenvoegsel ignored", () => {
    const w = world();
    const b = w.body();
    const berg = w.person({ firstName: "Anna", infix: "van den", lastName: "Berg" });
    const aalders = w.person({ firstName: "Piet", lastName: "Aalders" });
    const bakker = w.person({ firstName: "Jan", infix: "de", lastName: "Bakker" });
    for (const p of [berg, aalders, bakker]) w.seat(p.id, b.id);
    expect(drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE).members.map((m) => m.lastName)).toEqual([
      "Aalders",
      "Bakker",
      "Berg",
    ]);
  });
});

describe("an empty panel names what emptied it", () => {
  it("no rules at all", () => {
    const w = world();
    w.seat(w.person().id, w.body().id);
    const panel = drawFromFacts(w.facts, rules({}), REFERENCE);
    expect(panel.emptiedBy).toEqual({ step: "noRules" });
    expect(emptiedByMessage(panel.emptiedBy!)).toBe("waves.errors.emptyPanel.noRules");
  });

  it("the first rule when no rule matches anybody", () => {
    const w = world();
    w.seat(w.person().id, w.body({ level: "operationeel" }).id);
    const seatRules = drawFromFacts(
      w.facts,
      rules({
        seatRules: [{ levels: ["strategisch"] }, { levels: ["tactisch"] }],
        organisationRules: [{ sectorIds: [99] }],
      }),
      REFERENCE,
    );
    expect(seatRules.emptiedBy).toEqual({ step: "seatRule", index: 0 });
    expect(emptiedByMessage(seatRules.emptiedBy!)).toBe("waves.errors.emptyPanel.seatRule?number=1");
    const organisationRule = drawFromFacts(w.facts, rules({ organisationRules: [{ sectorIds: [99] }] }), REFERENCE);
    expect(organisationRule.emptiedBy).toEqual({ step: "organisationRule", index: 0 });
  });

  it("the exclusion step that removed the last people", () => {
    const w = world();
    const b = w.body();
    const optedOut = w.person({ researchConsent: "withdrawn" });
    const noEmail = w.person({ email: null });
    w.seat(optedOut.id, b.id);
    w.seat(noEmail.id, b.id);
    const panel = drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE);
    expect(panel.emptiedBy).toEqual({ step: "exclusion", reason: "no_email" });
    const manual = drawFromFacts(
      w.facts,
      rules({ seatRules: [{}], exclude: { noEmail: false, manual: [{ personId: noEmail.id, reason: "Vertrokken" }] } }),
      REFERENCE,
    );
    expect(manual.emptiedBy).toEqual({ step: "exclusion", reason: "manual" });
    expect(emptiedByMessage(manual.emptiedBy!)).toBe("waves.errors.emptyPanel.exclusion.manual");
  });

  it("nothing when the panel has members", () => {
    const w = world();
    w.seat(w.person().id, w.body().id);
    expect(drawFromFacts(w.facts, rules({ seatRules: [{}] }), REFERENCE).emptiedBy).toBeNull();
  });
});

describe("strata and comparison", () => {
  const member = (
    personId: number,
    level: "strategisch" | "tactisch" | null,
    sectorCode: string,
    subregions: string[],
    bodies: number[] = [],
  ) => ({
    personId,
    attributes: {
      organisationId: 1,
      organisationName: "O",
      organisationShortName: null,
      sectorCode,
      sectorName: sectorCode,
      subregions,
      level,
      bodies: bodies.map((id) => ({
        id,
        name: `Gremium ${id}`,
        abbreviation: null,
        level: "tactisch" as const,
        role: "lid" as const,
      })),
      roles: [],
    },
  });

  it("count members per level × sector × subregion and per body, each member in one stratum", () => {
    const strata = panelStrata([
      member(1, "tactisch", "ggd", ["Parkstad"], [10, 10]),
      member(2, "strategisch", "ggd", ["Parkstad"], [10, 11]),
      member(3, "strategisch", "ggd", ["Parkstad"]),
      member(4, "strategisch", "ggd", ["Westelijke Mijnstreek", "Parkstad"]),
      member(5, null, "ggd", []),
    ]);
    expect(strata.total).toBe(5);
    expect(strata.strata).toEqual([
      { level: "strategisch", sectorCode: "ggd", sectorName: "ggd", subregion: "Parkstad", count: 2 },
      {
        level: "strategisch",
        sectorCode: "ggd",
        sectorName: "ggd",
        subregion: "Parkstad, Westelijke Mijnstreek",
        count: 1,
      },
      { level: "tactisch", sectorCode: "ggd", sectorName: "ggd", subregion: "Parkstad", count: 1 },
      { level: null, sectorCode: "ggd", sectorName: "ggd", subregion: null, count: 1 },
    ]);
    expect(strata.bodies.map((b) => [b.bodyId, b.count])).toEqual([
      [10, 2],
      [11, 1],
    ]);
  });

  it("tell who joined, left and stayed, by stratum", () => {
    const previous = [
      member(1, "tactisch", "ggd", []),
      member(2, "tactisch", "ggd", []),
      member(3, "strategisch", "vvt", []),
    ];
    const current = [member(2, "strategisch", "ggd", []), member(4, "tactisch", "ggd", [])];
    const comparison = comparePanels(previous, current);
    expect(comparison).toMatchObject({ joined: [4], left: [1, 3], stayed: [2] });
    expect(comparison.strata).toEqual([
      { level: "strategisch", sectorCode: "ggd", sectorName: "ggd", subregion: null, joined: 0, left: 0, stayed: 1 },
      { level: "strategisch", sectorCode: "vvt", sectorName: "vvt", subregion: null, joined: 0, left: 1, stayed: 0 },
      { level: "tactisch", sectorCode: "ggd", sectorName: "ggd", subregion: null, joined: 1, left: 1, stayed: 0 },
    ]);
  });
});
