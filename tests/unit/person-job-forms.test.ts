import { describe, expect, it } from "vitest";
import { parseForm } from "../../app/services/form-data";
import {
  answerForJobForm,
  isJobIntent,
  JOB_SCHEMAS,
  type JobAnswer,
  jobNotices,
} from "../../app/services/person-job-forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const job = (id: number, version: number, end_date: string | null) => ({ id, version, end_date });
const jobs = [job(1, 2, "2025-02-28"), job(2, 1, null), job(3, 3, null)];
const notices = (query: string) => jobNotices(new URLSearchParams(query), jobs);

describe("the forms of a person's jobs page", () => {
  it("knows its intents, and no property every object has", () => {
    for (const intent of ["add", "edit", "end", "undo"]) expect(isJobIntent(intent)).toBe(true);
    expect(isJobIntent("constructor")).toBe(false);
    expect(isJobIntent(undefined)).toBe(false);
  });

  it("refuses a job that ends before it starts, and an end that is not confirmed", () => {
    const added = parseForm(
      JOB_SCHEMAS.add,
      form({
        intent: "add",
        organisation_id: "4",
        function_title: "",
        start_date: "2025-03-01",
        end_date: "2025-01-31",
      }),
    );
    expect(added.ok ? null : added.errors).toEqual({ end_date: "common.form.endBeforeStart" });
    const ended = parseForm(
      JOB_SCHEMAS.end,
      form({ intent: "end", affiliationId: "1", version: "1", end_date: "2025-02-28" }),
    );
    expect(ended.ok ? null : ended.errors).toEqual({ confirm: "people.errors.confirmEnd" });
  });

  it("hands a refusal to the form of its own job only", () => {
    const refused: JobAnswer = { ok: false, values: {}, errors: {}, intent: "end", affiliationId: "2" };
    expect(answerForJobForm(refused, "end", "2")).toBe(refused);
    expect(answerForJobForm(refused, "end", "3")).toBeNull();
    expect(answerForJobForm(refused, "edit", "2")).toBeNull();
    expect(answerForJobForm(undefined, "end", "2")).toBeNull();
  });
});

describe("the notices of a person's jobs page", () => {
  it("says what was done, for the notices the page has", () => {
    expect(notices("melding=toegevoegd")).toEqual({ notice: "toegevoegd", ended: null, undone: null });
    expect(notices("melding=primair").notice).toBeNull();
    expect(notices("").notice).toBeNull();
  });

  it("offers the undo of an end while the job is still as the end left it", () => {
    expect(notices("melding=beeindigd&id=1&versie=2").ended).toMatchObject({ id: 1, end_date: "2025-02-28" });
    // changed since (another version), not ended, unknown, or no end notice: no undo offered
    expect(notices("melding=beeindigd&id=1&versie=1").ended).toBeNull();
    expect(notices("melding=beeindigd&id=1").ended).toBeNull();
    expect(notices("melding=beeindigd&id=2&versie=1").ended).toBeNull();
    expect(notices("melding=beeindigd&id=9&versie=1").ended).toBeNull();
    expect(notices("melding=opgeslagen&id=1&versie=2").ended).toBeNull();
  });

  it("names the job whose end was undone, only after an undo", () => {
    expect(notices("melding=ongedaan&id=3")).toMatchObject({ notice: "ongedaan", undone: { id: 3 } });
    expect(notices("melding=ongedaan&id=9").undone).toBeNull();
    expect(notices("melding=opgeslagen&id=3").undone).toBeNull();
  });
});
