import { type Expression, sql } from "kysely";

/**
 * The SQLite-specific SQL of the project, each behind one function, so the models can move to
 * PostgreSQL by changing this file alone.
 */

/** Concatenates a column's values of a group with a separator (PostgreSQL: string_agg). */
export function joinedText(expression: Expression<string | null>, separator: string) {
  return sql<string | null>`group_concat(${expression}, ${separator})`;
}
