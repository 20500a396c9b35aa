import type { KyselyPlugin, QueryId, RootOperationNode } from "kysely";
import { SqliteQueryCompiler } from "kysely";
import type { DB } from "../../db/index";
import { call, type Handler } from "./routes";

/**
 * Counts the SQL statements run through a database handle, to prove a loader runs a bounded
 * number of them whatever the number of rows (no N+1).
 *
 * Counted at the Kysely level: `db.withPlugin` gives a handle whose every query (query builder,
 * `sql\`…\`.execute(db)`, and those of `db.transaction()`, which inherit the plugins) passes through
 * the plugin. The count is taken in `transformResult`, which Kysely calls once per finished
 * execution; `transformQuery` runs when a query is compiled, which may happen without executing
 * it (`.compile()`). So a statement that fails is not counted, and neither are the begin/commit
 * of a transaction, which the driver sends on the connection itself, past the plugins.
 */
export interface CountedDatabase {
  /** the same database, counting what runs through it */
  db: DB;
  /** the SQL text of each statement finished so far, in order */
  statements: readonly string[];
}

export function countStatements(db: DB): CountedDatabase {
  const statements: string[] = [];
  const compiled = new WeakMap<QueryId, RootOperationNode>();
  // only for the text: the executing dialect compiles the same node the same way
  const compiler = new SqliteQueryCompiler();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      compiled.set(queryId, node);
      return node;
    },
    transformResult({ result, queryId }) {
      const node = compiled.get(queryId);
      statements.push(node ? compiler.compileQuery(node, queryId).sql : "(a query compiled elsewhere)");
      return Promise.resolve(result);
    },
  };
  return { db: db.withPlugin(plugin), statements };
}

export interface StatementsOfLoader {
  response: Response;
  count: number;
  sql: string[];
}

/** Calls a loader (or action) as `call` does, on a counting handle, and returns what it ran. */
export async function statementsOf(
  db: DB,
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<StatementsOfLoader> {
  const counted = countStatements(db);
  const response = await call(counted.db, handler, request, params);
  return { response, count: counted.statements.length, sql: [...counted.statements] };
}

/**
 * The statements as a failing test should show them: each distinct SQL once, with how often it
 * ran, the most repeated first (an N+1 is one statement repeated per row).
 */
export function statementSummary(sql: readonly string[]): string {
  const times = new Map<string, number>();
  for (const text of sql) times.set(text, (times.get(text) ?? 0) + 1);
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .map(([text, n]) => `${String(n).padStart(3)}× ${text}`)
    .join("\n");
}

/** The statements that ran more often in `after` than in `before`, as "3× → 43× select …". */
export function statementGrowth(before: readonly string[], after: readonly string[]): string {
  const tally = (sql: readonly string[]) =>
    sql.reduce((times, text) => times.set(text, (times.get(text) ?? 0) + 1), new Map<string, number>());
  const was = tally(before);
  return [...tally(after)]
    .filter(([text, n]) => n > (was.get(text) ?? 0))
    .map(([text, n]) => `${was.get(text) ?? 0}× → ${n}× ${text}`)
    .join("\n");
}
