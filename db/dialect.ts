import { type Expression, sql } from "kysely";

/**
 * The SQLite-specific SQL of the project, each behind one function, so the models can move to
 * PostgreSQL by changing this file alone.
 */

/** Concatenates a column's values of a group with a separator (PostgreSQL: string_agg). */
export function joinedText(expression: Expression<string | null>, separator: string) {
  return sql<string | null>`group_concat(${expression}, ${separator})`;
}

/**
 * The expression contains the typed text as it is: its own % and _ are not wildcards (escaped with
 * a backslash). Case-insensitive for ASCII, as SQLite's like is (PostgreSQL: ilike).
 */
export function containsText(expression: Expression<string | null>, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql<boolean>`${expression} like ${pattern} escape '\\'`;
}
