import { describe, expect, it } from "vitest";
import { parseForm } from "../../app/services/form-data";
import { noticeFrom } from "../../app/services/notices";
import {
  answerForPersonForm,
  isPersonEditIntent,
  PERSON_EDIT_SCHEMAS,
  PERSON_EDIT_NOTICES,
  type PersonEditAnswer,
} from "../../app/services/person-edit-forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const refusal = (intent: PersonEditAnswer["intent"], emailId = ""): PersonEditAnswer => ({
  ok: false,
  values: {},
  errors: { _form: "x" },
  intent,
  emailId,
});

describe("the forms of a person's edit page", () => {
  it("knows its intents, and no property every object has", () => {
    for (const intent of ["save", "addEmail", "removeEmail", "primaryEmail", "consent", "archive", "restore", "undo"]) {
      expect(isPersonEditIntent(intent)).toBe(true);
    }
    expect(isPersonEditIntent("toString")).toBe(false);
    expect(isPersonEditIntent("")).toBe(false);
    expect(isPersonEditIntent(null)).toBe(false);
  });

  it("tells the undo of an archive from the undo of an address removal by what it names", () => {
    expect(parseForm(PERSON_EDIT_SCHEMAS.undo, form({ intent: "undo", wat: "archive", version: "3" }))).toEqual({
      ok: true,
      data: { intent: "undo", wat: "archive", version: 3 },
    });
    expect(parseForm(PERSON_EDIT_SCHEMAS.undo, form({ intent: "undo", wat: "email", audit: "17" }))).toEqual({
      ok: true,
      data: { intent: "undo", wat: "email", audit: 17 },
    });
    expect(parseForm(PERSON_EDIT_SCHEMAS.undo, form({ intent: "undo", wat: "email", version: "3" })).ok).toBe(false);
  });

  it("shows the notices of its own changes only", () => {
    const notice = (query: string) => noticeFrom(new URLSearchParams(query), PERSON_EDIT_NOTICES);
    expect(notice("melding=toestemming")).toBe("toestemming");
    expect(notice("melding=ongedaan")).toBe("ongedaan");
    expect(notice("melding=verwijderd&logboek=17")).toBe("verwijderd");
    // a job's end is said on the jobs page; an intent is no notice
    expect(notice("melding=beeindigd")).toBeNull();
    expect(notice("melding=consent")).toBeNull();
    expect(notice("")).toBeNull();
  });

  it("hands a refusal to its own form only: by intent, and for the forms of one address by its id", () => {
    const removal = refusal("removeEmail", "12");
    expect(answerForPersonForm(removal, "removeEmail", "12")).toBe(removal);
    expect(answerForPersonForm(removal, "removeEmail", "13")).toBeNull();
    expect(answerForPersonForm(removal, "primaryEmail", "12")).toBeNull();
    const save = refusal("save");
    expect(answerForPersonForm(save, "save")).toBe(save);
    expect(answerForPersonForm(save, "consent")).toBeNull();
    expect(answerForPersonForm(undefined, "save")).toBeNull();
  });
});
