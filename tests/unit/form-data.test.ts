import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, newPasswordField } from "../../app/auth/password-policy";
import { MIN_PASSWORD_LENGTH as SERVER_MIN } from "../../app/auth/password.server";
import { resources } from "../../app/i18n/index";
import {
  checkbox,
  emailAddress,
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

  it("used by the schemas exist in both languages", () => {
    const keys = ["common.form.required", "common.form.tooLong", "common.form.invalid", "auth.errors.emailInvalid", "auth.errors.passwordTooShort"];
    for (const language of ["nl", "en"] as const) {
      for (const key of keys) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[language].translation);
        expect(typeof value, `${language}: ${key}`).toBe("string");
      }
    }
  });

  it("browser and server agree on the minimum password length", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(SERVER_MIN);
  });
});
