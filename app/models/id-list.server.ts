import { sql } from "kysely";

/**
 * Ids as one JSON parameter for `where id in (…)`: one statement text whatever the number of ids
 * (so it stays prepared), and no limit from SQLite's number of bound variables (a national figure
 * names tens of thousands of people).
 */
export const idList = (ids: readonly number[]) => sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;
