import type { Language } from "../../db/schema";
import { formatDay } from "../i18n/format";
import { messageKey, splitMessageKey } from "./form-data";
import { isIsoDay } from "./periods";
import type { Message } from "../i18n/keys";

/**
 * A message key (see messageKey) whose values hold ISO days, with those days written as readers of
 * the language write them ("1 maart 2025"). Models name days in ISO because they do not know the
 * reader; the action that answers the reader does.
 */
export function withReadableDays(message: Message, language: Language): Message {
  const { key, values } = splitMessageKey(message);
  const entries = Object.entries(values);
  if (entries.length === 0) return message;
  return messageKey(
    key,
    Object.fromEntries(entries.map(([name, value]) => [name, isIsoDay(value) ? formatDay(value, language) : value])),
  );
}
