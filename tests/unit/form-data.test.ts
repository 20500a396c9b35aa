import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, newPasswordField } from "../../app/auth/password-policy";
import { MIN_PASSWORD_LENGTH as SERVER_MIN } from "../../app/auth/password.server";
import { resources } from "../../app/i18n/index";
import {
  checkbox,
  emailAddress,
  idList,
  isoDay,
  optionalIsoDay,
  optionalText,
  optionalUrl,
  periodRule,
  formFailure,
  messageKey,
  parseForm,
  positiveInt,
  requiredText,
  splitMessageKey,
} from "../../app/services/form-data";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const schema = z.object({
  name: requiredText(10),
  email: emailAddress(),
  password: newPasswordField(),
  confirm: checkbox(),
  version: positiveInt(),
});

describe("parsing a submitted form with its schema", () => {
  it("returns the cleaned data when the form is valid", () => {
    const result = parseForm(
      schema,
      form({ name: "  Anna ", email: " Anna@Example.ORG ", password: "x".repeat(12), confirm: "on", version: "3" }),
    );
    expect(result).toEqual({
      ok: true,
      data: { name: "Anna", email: "anna@example.org", password: "x".repeat(12), confirm: true, version: 3 },
    });
  });

  it("returns one message key per field and what was typed, except passwords", () => {
    const result = parseForm(schema, form({ name: "", email: "geen-adres", password: "kort", version: "x" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: "common.form.required",
      email: "auth.errors.emailInvalid",
      password: messageKey("auth.errors.passwordTooShort", { min: MIN_PASSWORD_LENGTH }),
      version: "common.form.invalid",
    });
    expect(result.values).toEqual({ name: "", email: "geen-adres", version: "x" });
  });

  it("treats a missing field as not filled in, and an unticked checkbox as false", () => {
    const result = parseForm(z.object({ name: requiredText(), confirm: checkbox() }), form({}));
    expect(result.ok ? null : result.errors).toEqual({ name: "common.form.required" });
    expect(parseForm(z.object({ confirm: checkbox() }), form({}))).toEqual({ ok: true, data: { confirm: false } });
  });

  it("puts a message about the whole form under _form", () => {
    const whole = z.object({ a: z.string() }).refine(() => false, "auth.errors.invalidCredentials");
    const result = parseForm(whole, form({ a: "x" }));
    expect(result.ok ? null : result.errors).toEqual({ _form: "auth.errors.invalidCredentials" });
  });

  it("builds a refusal decided after validation in the same shape", () => {
    expect(formFailure(form({ email: "a@b.nl", password: "geheim" }), { email: "admin.errors.emailTaken" })).toEqual({
      ok: false,
      values: { email: "a@b.nl" },
      errors: { email: "admin.errors.emailTaken" },
    });
  });
});

describe("message keys", () => {
  it("carry values to interpolate and split back", () => {
    const message = messageKey("auth.errors.throttled", { count: 30 });
    expect(message).toBe("auth.errors.throttled?count=30");
    expect(splitMessageKey(message)).toEqual({ key: "auth.errors.throttled", values: { count: "30" } });
    expect(splitMessageKey("common.form.required")).toEqual({ key: "common.form.required", values: {} });
  });

  it("are checked by the compiler against the Dutch messages", () => {
    // @ts-expect-error -- a misspelt key does not compile (npm run typecheck refuses it)
    const misspelt = messageKey("people.errors.emailTakne");
    // @ts-expect-error -- nor does a key of a branch rather than a text
    const branch = messageKey("people.errors");
    // a plural is asked for by its stem, with a count (auth.errors.throttled_one / _other)
    const plural = messageKey("auth.errors.throttled", { count: 2 });
    expect([misspelt, branch, plural]).toEqual([
      "people.errors.emailTakne",
      "people.errors",
      "auth.errors.throttled?count=2",
    ]);
  });

  it("used by the schemas exist in both languages", () => {
    const keys = [
      "common.form.required",
      "common.form.tooLong",
      "common.form.invalid",
      "auth.errors.emailInvalid",
      "auth.errors.passwordTooShort",
    ];
    for (const language of ["nl", "en"] as const) {
      for (const key of keys) {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[language].translation);
        expect(typeof value, `${language}: ${key}`).toBe("string");
      }
    }
  });

  it("browser and server agree on the minimum password length", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(SERVER_MIN);
  });
});

describe("groups of checkboxes", () => {
  const schema = z.object({ subregions: idList() });

  it("reads a name sent once per ticked box as a list of ids", () => {
    const form = new FormData();
    form.append("subregions", "2");
    form.append("subregions", "3");
    expect(parseForm(schema, form)).toEqual({ ok: true, data: { subregions: [2, 3] } });
  });

  it("reads one ticked box as a list of one, and none as an empty list", () => {
    const one = new FormData();
    one.append("subregions", "5");
    expect(parseForm(schema, one)).toEqual({ ok: true, data: { subregions: [5] } });
    expect(parseForm(schema, new FormData())).toEqual({ ok: true, data: { subregions: [] } });
  });

  it("keeps every value of a name sent many times, in the order sent", () => {
    const form = new FormData();
    for (const id of ["4", "1", "4", "9"]) form.append("subregions", id);
    expect(parseForm(schema, form)).toEqual({ ok: true, data: { subregions: [4, 1, 4, 9] } });
  });

  it("gives the ticked values back as a list when the form is refused", () => {
    const form = new FormData();
    form.append("subregions", "2");
    form.append("subregions", "x");
    const result = parseForm(schema, form);
    expect(result.ok ? null : result.values).toEqual({ subregions: ["2", "x"] });
  });
});

describe("invisible control characters", () => {
  const schema = z.object({ name: requiredText(50), notes: optionalText(500) });
  const parse = (fields: Record<string, string>) => parseForm(schema, form(fields));

  it("are refused in a text field, NUL and direction overrides alike, keeping what was typed", () => {
    for (const sneaky of ["Jan\u0000", "Jan\u202Egpj.exe", "Jan\u2066x", "Jan\u0007", "Jan\u0085"]) {
      const result = parse({ name: sneaky });
      expect(result.ok ? null : result.errors, JSON.stringify(sneaky)).toEqual({
        name: "common.form.controlCharacters",
      });
      expect(result.ok ? null : result.values.name).toBe(sneaky);
    }
    expect(parse({ name: "Jan", notes: "regel\u0000" })).toMatchObject({
      ok: false,
      errors: { notes: "common.form.controlCharacters" },
    });
  });

  it("leave tabs, line breaks and every letter alone", () => {
    expect(parse({ name: "Ayşe Özdemir-Çelik", notes: "eerste regel\r\n\ttweede regel" })).toEqual({
      ok: true,
      data: { name: "Ayşe Özdemir-Çelik", notes: "eerste regel\r\n\ttweede regel" },
    });
  });
});

describe("periods and optional fields", () => {
  const schema = z
    .object({ start_date: isoDay(), end_date: optionalIsoDay(), website: optionalUrl() })
    .superRefine(periodRule("start_date", "end_date"));
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) data.append(name, value);
    return data;
  };

  it("puts an end date before the start date on the end field", () => {
    const result = parseForm(schema, form({ start_date: "2025-03-01", end_date: "2025-02-28", website: "" }));
    expect(result.ok ? null : result.errors).toEqual({ end_date: "common.form.endBeforeStart" });
  });

  it("accepts the same day as start and end, and reads empty fields as null", () => {
    expect(parseForm(schema, form({ start_date: "2025-03-01", end_date: "2025-03-01", website: "" }))).toEqual({
      ok: true,
      data: { start_date: "2025-03-01", end_date: "2025-03-01", website: null },
    });
  });

  it("refuses a day that does not exist and a web address that is not one", () => {
    const result = parseForm(schema, form({ start_date: "2025-02-30", end_date: "", website: "javascript:alert(1)" }));
    expect(result.ok ? null : result.errors).toEqual({
      start_date: "common.form.dateInvalid",
      website: "common.form.urlInvalid",
    });
  });
});
