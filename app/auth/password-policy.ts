import { z } from "zod";
import { FIELD_MESSAGES, messageKey } from "../services/form-data";

/**
 * The password rules, in a module the browser may load too (forms check them before submitting);
 * password.server.ts re-exports the numbers next to the hashing.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Far above any real password; keeps a megabyte "password" from keeping argon2 busy. */
export const MAX_PASSWORD_LENGTH = 256;

/** A password as typed (never trimmed): to sign in or to confirm who you are. */
export function passwordField() {
  return z
    .string({ error: FIELD_MESSAGES.required })
    .min(1, FIELD_MESSAGES.required)
    .max(MAX_PASSWORD_LENGTH, messageKey("auth.errors.passwordTooLong", { max: MAX_PASSWORD_LENGTH }));
}

/** A password being chosen: at least MIN_PASSWORD_LENGTH characters. */
export function newPasswordField() {
  return passwordField().min(
    MIN_PASSWORD_LENGTH,
    messageKey("auth.errors.passwordTooShort", { min: MIN_PASSWORD_LENGTH }),
  );
}

export const PASSWORDS_DIFFER = messageKey("auth.errors.passwordsDiffer");
