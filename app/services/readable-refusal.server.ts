import type { Language } from "../../db/schema";
import { translator } from "../i18n/index";
import { RegisterError } from "../models/editing.server";
import { splitMessageKey } from "./form-data";
import { withReadableDays } from "./readable-days";

/**
 * A model's refusal as the reader should get it: days in its message written in their language,
 * and a link whose name is a message key ("the existing seat") translated. Anything else passes
 * through untouched for refusalResponse.
 */
export function readableRefusal(error: unknown, language: Language): unknown {
  if (!(error instanceof RegisterError)) return error;
  const link = error.link && { href: error.link.href, name: translatedName(error.link.name, language) };
  return new RegisterError(withReadableDays(error.messageKey, language), error.field, link);
}

function translatedName(name: string, language: Language): string {
  const t = translator(language) as unknown as (key: string, options?: Record<string, string>) => string;
  const { key, values } = splitMessageKey(name);
  // only keys of this app are translated: a record's own name (an organisation) is shown as it is
  return key.startsWith("bodies.") ? t(key, values) : name;
}
