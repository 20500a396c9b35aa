import SQLite from "better-sqlite3";
import type pg from "pg";
import type { DatabaseTarget, Engine } from "../../db/engine";
import { postgresPool } from "../../db/postgres";

/**
 * The database's own limit, as the benchmark measures it: hand-written SQL sent straight to the
 * engine's driver, each statement prepared once (better-sqlite3 statements; named prepared
 * statements on PostgreSQL), no query builder and no models. Statements are written with `@name`
 * parameters for both engines; on PostgreSQL they become `$1…`.
 */
export interface RawDatabase {
  engine: Engine;
  /** every row; a value on SQLite, a promise on PostgreSQL */
  all<Row>(text: string, params?: Record<string, unknown>): Row[] | Promise<Row[]>;
  /** the first column of the first row */
  value<Value>(text: string, params?: Record<string, unknown>): Promise<Value>;
  close(): Promise<void>;
}

export function openRaw(target: DatabaseTarget): RawDatabase {
  return target.engine === "sqlite" ? sqliteRaw(target.file) : postgresRaw(target.url);
}

function sqliteRaw(file: string): RawDatabase {
  const sqlite = new SQLite(file, { readonly: true });
  sqlite.pragma("cache_size = -2000");
  const prepared = new Map<string, SQLite.Statement>();
  const statement = (text: string) => {
    let found = prepared.get(text);
    if (!found) prepared.set(text, (found = sqlite.prepare(text)));
    return found;
  };
  return {
    engine: "sqlite",
    all: <Row>(text: string, params: Record<string, unknown> = {}) => statement(text).all(params) as Row[],
    value: <Value>(text: string, params: Record<string, unknown> = {}) =>
      Promise.resolve(statement(text).pluck().get(params) as Value),
    close: () => Promise.resolve(void sqlite.close()),
  };
}

/** `@name` parameters as PostgreSQL's `$n`, the same name the same number. */
export function positional(text: string): { text: string; names: string[] } {
  const names: string[] = [];
  const converted = text.replace(/@([A-Za-z_]\w*)/g, (_, name: string) => {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text: converted, names };
}

function postgresRaw(url: string): RawDatabase {
  const pool: pg.Pool = postgresPool(url);
  const statements = new Map<string, { name: string; text: string; names: string[] }>();
  const query = async <Row>(text: string, params: Record<string, unknown>) => {
    let found = statements.get(text);
    if (!found) statements.set(text, (found = { name: `raw_${statements.size}`, ...positional(text) }));
    const { rows } = await pool.query<Row & pg.QueryResultRow>({
      name: found.name,
      text: found.text,
      values: found.names.map((name) => params[name]),
    });
    return rows as Row[];
  };
  return {
    engine: "postgres",
    all: (text, params = {}) => query(text, params),
    value: async <Value>(text: string, params: Record<string, unknown> = {}) => {
      const [row] = await query<Record<string, unknown>>(text, params);
      return (row ? Object.values(row)[0] : undefined) as Value;
    },
    close: () => pool.end(),
  };
}
