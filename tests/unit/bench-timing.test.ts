import { describe, expect, it } from "vitest";
import { alternate, percentile, summarise } from "../bench/timing";

describe("the benchmark's timing helpers", () => {
  it("takes the nearest-rank percentile", () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(summarise([3, 1, 2])).toEqual({ runs: 3, medianMs: 2, p95Ms: 3 });
  });

  it("alternates the contenders, each first in turn, and keeps the warm-up out of the samples", async () => {
    const order: string[] = [];
    const samples = await alternate({ raw: () => order.push("raw"), model: () => order.push("model") }, 3, 1);
    expect(order).toEqual(["raw", "model", "model", "raw", "raw", "model", "model", "raw"]);
    expect(samples.raw).toHaveLength(3);
    expect(samples.model).toHaveLength(3);
  });
});
