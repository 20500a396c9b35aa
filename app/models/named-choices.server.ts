import { sql } from "kysely";
import { containsText } from "../../db/dialect";
import type { DB } from "../../db/index";
import {
  CHOICE_LIMIT,
  type NamedChoice,
  type NamedChoiceQuery,
  type NamedChoiceResult,
  resolveNamedChoice,
} from "../services/named-choice";

/**
 * Finding the organisation or body a list filter names (see services/named-choice.ts): the one
 * with the asked id and at most a handful whose name or short name contains the typed text.
 */

type Table = "organisations" | "bodies";

async function resolve(db: DB, table: Table, query: NamedChoiceQuery): Promise<NamedChoiceResult> {
  const shortName = table === "organisations" ? "short_name" : "abbreviation";
  const chosen = (rows: { id: number; name: string; short: string | null }[]): NamedChoice[] =>
    rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short }));
  const [byId, matches] = await Promise.all([
    query.id === undefined
      ? []
      : db
          .selectFrom(table)
          .select(["id", "name", sql<string | null>`${sql.ref(shortName)}`.as("short")])
          .where("id", "=", query.id)
          .execute(),
    query.text === undefined
      ? []
      : db
          .selectFrom(table)
          .select(["id", "name", sql<string | null>`${sql.ref(shortName)}`.as("short")])
          .where("archived_at", "is", null)
          .where((eb) =>
            eb.or([
              containsText(sql.ref<string>("name"), query.text!),
              containsText(sql.ref<string | null>(shortName), query.text!),
            ]),
          )
          // the records named exactly first, so that one is found among many that merely contain the text
          .orderBy(
            sql`lower(name) = lower(${query.text}) or lower(coalesce(${sql.ref(shortName)}, '')) = lower(${query.text})`,
            "desc",
          )
          .orderBy("name")
          .limit(CHOICE_LIMIT + 1)
          .execute(),
  ]);
  return resolveNamedChoice(query, chosen(byId)[0], chosen(matches));
}

export const organisationChoice = (db: DB, query: NamedChoiceQuery) => resolve(db, "organisations", query);

export const bodyChoice = (db: DB, query: NamedChoiceQuery) => resolve(db, "bodies", query);
