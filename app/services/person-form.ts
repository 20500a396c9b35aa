import { z } from "zod";
import { LANGUAGES } from "../../db/schema";
import { choice, messageKey, optionalEmail, optionalText, requiredText } from "./form-data";

/**
 * The fields of a person as the create and edit forms share them (browser and server alike).
 * Name parts are kept apart, so lists can sort on the achternaam without the tussenvoegsel.
 */

/** Digits, spaces and the usual separators; an international number may start with +. */
const PHONE = /^\+?[0-9][0-9 ()./-]{4,28}[0-9]$/;

export const personFields = {
  first_name: optionalText(80),
  infix: optionalText(30),
  last_name: requiredText(120),
  initials: optionalText(20),
  salutation: optionalText(60),
  title: optionalText(40),
  phone: optionalText(40).refine(
    (value) => value === null || PHONE.test(value),
    messageKey("people.errors.phoneInvalid"),
  ),
  preferred_language: choice(LANGUAGES),
  notes: optionalText(2000),
};

/** The create form: the fields plus the primary e-mail address (may be left empty). */
export const newPersonSchema = z.object({ ...personFields, email: optionalEmail() });
