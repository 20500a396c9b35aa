import type { TFunction } from "i18next";
import { type Language, SEAT_ROLES } from "../../db/schema";
import { formatDay } from "../i18n/format";
import type { ConcurrentChange } from "./form-data";

/** What others changed on a seat, with the page's words and names instead of codes and ids. */
export function readableSeatConflict(
  changes: readonly ConcurrentChange[] | undefined,
  organisations: readonly { id: number; name: string }[],
  t: TFunction,
  language: Language,
): ConcurrentChange[] | undefined {
  const readable = (field: string, value: string | null): string | null => {
    if (value === null) return null;
    if (field === "role" && (SEAT_ROLES as readonly string[]).includes(value))
      return t(`register.roles.${value as (typeof SEAT_ROLES)[number]}`);
    if (field === "organisation_id") return organisations.find((o) => String(o.id) === value)?.name ?? value;
    if (field === "start_date" || field === "end_date") return formatDay(value, language);
    return value;
  };
  return changes?.map((change) => ({
    ...change,
    fields: change.fields.map((f) => ({
      field: f.field,
      before: readable(f.field, f.before),
      after: readable(f.field, f.after),
    })),
  }));
}
