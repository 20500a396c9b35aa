import { describe, expect, it } from "vitest";
import {
  allocateProportionally,
  drawInterviewSample,
  memberStatus,
  sampleSizeProblem,
} from "../../app/services/interview-sample";
import { messageKey } from "../../app/services/form-data";
import { mulberry32 } from "../../app/services/seeded-random";
import { sampleFormDefaults, sampleSchema } from "../../app/services/interview-sample-form";
import type { StratifiedMember } from "../../app/services/panel-draw";
import type { PanelAttributes } from "../../app/services/panel-rules-schema";

function attributes(level: PanelAttributes["level"], sectorCode: string, subregions: string[]): PanelAttributes {
  return {
    organisationId: 1,
    organisationName: "Organisatie",
    organisationShortName: null,
    sectorCode,
    sectorName: sectorCode.toUpperCase(),
    subregions,
    level,
    bodies: [],
    roles: [],
  };
}

/** 60 strategic GGD people in Parkstad, 30 tactical welfare people in Maastricht, 10 without a level. */
function panel(): StratifiedMember[] {
  const members: StratifiedMember[] = [];
  for (let i = 1; i <= 60; i++)
    members.push({ personId: i, attributes: attributes("strategisch", "ggd", ["Parkstad"]) });
  for (let i = 61; i <= 90; i++)
    members.push({ personId: i, attributes: attributes("tactisch", "welzijn", ["Maastricht-Heuvelland"]) });
  for (let i = 91; i <= 100; i++) members.push({ personId: i, attributes: attributes(null, "welzijn", []) });
  return members;
}

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const value of first) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of first) expect(value).toBeLessThan(1);
  });

  it("is the published mulberry32: seed 1 starts with 0.6270739405881613", () => {
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });
});

describe("proportional allocation with largest remainders", () => {
  it("gives whole parts and the remaining places to the largest remainders", () => {
    // exact shares 5.4, 3.3, 1.3: floors 5, 3, 1 and the one left goes to the 0.4
    expect(allocateProportionally([54, 33, 13], 10)).toEqual([6, 3, 1]);
  });

  it("always adds up to the size asked for", () => {
    const populations = [7, 13, 1, 1, 29, 3, 46];
    for (let size = 0; size <= 100; size++) {
      const allocation = allocateProportionally(populations, size);
      expect(allocation.reduce((sum, n) => sum + n, 0)).toBe(size);
      allocation.forEach((n, i) => expect(n).toBeLessThanOrEqual(populations[i]!));
    }
  });

  it("breaks equal remainders by the larger stratum, then the earlier one", () => {
    expect(allocateProportionally([1, 3, 1, 3], 2)).toEqual([0, 1, 0, 1]);
    expect(allocateProportionally([2, 2], 1)).toEqual([1, 0]);
  });

  it("refuses a size larger than the population", () => {
    expect(() => allocateProportionally([2, 3], 6)).toThrow(RangeError);
  });
});

describe("drawing an interview sample", () => {
  it("draws N people, allocated over the strata in proportion", () => {
    const sample = drawInterviewSample(panel(), 10, 12345);
    expect(sample.members).toHaveLength(10);
    expect(new Set(sample.members.map((m) => m.personId)).size).toBe(10);
    expect(sample.strata.map((s) => [s.level, s.population, s.allocated])).toEqual([
      ["strategisch", 60, 6],
      ["tactisch", 30, 3],
      [null, 10, 1],
    ]);
    for (const member of sample.members) {
      const stratum = sample.strata[member.stratum]!;
      const expected = member.personId <= 60 ? "strategisch" : member.personId <= 90 ? "tactisch" : null;
      expect(stratum.level).toBe(expected);
    }
  });

  it("draws the same people again with the same seed, whatever order the panel comes in", () => {
    const first = drawInterviewSample(panel(), 17, 987654321);
    const again = drawInterviewSample([...panel()].reverse(), 17, 987654321);
    expect(again).toEqual(first);
  });

  it("draws other people with another seed", () => {
    const a = drawInterviewSample(panel(), 17, 1).members.map((m) => m.personId);
    const b = drawInterviewSample(panel(), 17, 2).members.map((m) => m.personId);
    expect(b).not.toEqual(a);
  });

  it("gives every member a chance: over many seeds everyone in a stratum is drawn sometimes", () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 400; seed++)
      for (const m of drawInterviewSample(panel(), 10, seed).members) seen.add(m.personId);
    expect(seen.size).toBe(100);
  });

  it("takes the whole panel when N is its size", () => {
    const sample = drawInterviewSample(panel(), 100, 5);
    expect(sample.members.map((m) => m.personId)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it("names the problem when N is larger than the panel, or the panel is empty", () => {
    expect(sampleSizeProblem(101, 100)).toBe(messageKey("samples.errors.tooLarge", { size: 101, population: 100 }));
    expect(sampleSizeProblem(1, 0)).toBe("samples.errors.emptyPanel");
    expect(sampleSizeProblem(100, 100)).toBeNull();
    expect(() => drawInterviewSample(panel(), 101, 1)).toThrow(RangeError);
  });
});

describe("the draw form", () => {
  it("takes a size and an optional seed", () => {
    expect(sampleSchema.safeParse({ size: "12", seed: "" }).data).toEqual({ size: 12, seed: null });
    expect(sampleSchema.safeParse({ size: "12", seed: "77" }).data).toEqual({ size: 12, seed: 77 });
  });

  it("refuses a missing, broken or zero size and a seed out of range", () => {
    for (const size of ["", "0", "-3", "2.5", "twaalf"])
      expect(sampleSchema.safeParse({ size, seed: "" }).success, size).toBe(false);
    expect(sampleSchema.safeParse({ size: "3", seed: "2147483648" }).success).toBe(false);
  });

  it("fills the form from a draw-again link and ignores anything else", () => {
    expect(sampleFormDefaults(new URLSearchParams("omvang=20&startgetal=99"))).toEqual({ size: "20", seed: "99" });
    expect(sampleFormDefaults(new URLSearchParams("omvang=<b>&startgetal=1e9"))).toEqual({ size: "", seed: "" });
  });
});

describe("a drawn member's status", () => {
  it("is erased before excluded before current", () => {
    expect(memberStatus({ erased_at: "x", excluded_at: "y" })).toBe("erased");
    expect(memberStatus({ erased_at: null, excluded_at: "y" })).toBe("excluded");
    expect(memberStatus({ erased_at: null, excluded_at: null })).toBe("current");
  });
});
