import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CONSENT_PURPOSES, type Database, LANGUAGES, THEME_KINDS } from "../db/schema";
import { recordAudit, type Trx } from "../app/models/audit.server";

/** What every demo data file and its loader share: reading a file against its schema, key lookups, audited inserts. */

// Resolved against this module's own address, which is seeds/demo-data.ts from source and build/server.js
// in the bundled server: both lie one folder below the project, so "../seeds/data/" fits both.
const DATA_FOLDER = fileURLToPath(new URL("../seeds/data/", import.meta.url));

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const text = z.string().min(1);
export const optionalText = text.nullable().optional().default(null);

export const organisationRow = z.object({
  key: text,
  name: text,
  short_name: optionalText,
  sector: text,
  subregions: z.array(text),
  iza_signatory: z.boolean(),
  parent: optionalText,
  website: optionalText,
  email: optionalText,
  phone: optionalText,
  address: optionalText,
  notes: optionalText,
});
export const themeRow = z.object({ key: text, name: text, kind: z.enum(THEME_KINDS), description: optionalText });
export const personRow = z.object({
  key: text,
  first_name: optionalText,
  infix: optionalText,
  last_name: text,
  initials: optionalText,
  salutation: optionalText,
  title: optionalText,
  emails: z.array(z.object({ email: z.string().email(), primary: z.boolean() })),
  phone: optionalText,
  preferred_language: z.enum(LANGUAGES),
  notes: optionalText,
  consents: z.array(
    z.object({
      purpose: z.enum(CONSENT_PURPOSES),
      status: z.enum(["given", "withdrawn"]),
      recorded_on: day,
      source: optionalText,
    }),
  ),
});
export const affiliationRow = z.object({
  person: text,
  organisation: text,
  function_title: optionalText,
  start_date: day.nullable(),
  end_date: day.nullable(),
});

export function readDataFile<T>(name: string, schema: z.ZodType<T>): T {
  const file = path.join(DATA_FOLDER, name);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Demo data ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Demo data ${file} is invalid at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

export type KeyMap = ReturnType<typeof keyMap>;

/** Looks up a key in one of the data files' key spaces, failing with the file and key named. */
export function keyMap(what: string) {
  const ids = new Map<string, number>();
  return {
    set: (key: string, id: number) => {
      if (ids.has(key)) throw new Error(`Demo data: duplicate ${what} key "${key}"`);
      ids.set(key, id);
    },
    get: (key: string) => {
      const id = ids.get(key);
      if (id === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
      return id;
    },
    optional(key: string | null) {
      return key === null ? null : this.get(key);
    },
  };
}

export async function insertAudited<T extends { id: number }>(trx: Trx, entity: keyof Database, row: T): Promise<T> {
  await recordAudit(trx, null, { action: "create", entity, entityId: row.id, after: row, summary: "demodata" });
  return row;
}

/** The synthetic people with their e-mail addresses and consents, each one audited record. */
export async function loadPeople(trx: Trx, rows: z.infer<typeof personRow>[], people: KeyMap): Promise<void> {
  for (const { key, emails, consents, ...fields } of rows) {
    const row = await trx.insertInto("people").values(fields).returningAll().executeTakeFirstOrThrow();
    people.set(key, row.id);
    const emailRows = emails.map(
      (e) => ({ person_id: row.id, email: e.email.toLowerCase(), is_primary: e.primary ? 1 : 0 }) as const,
    );
    if (emailRows.length) await trx.insertInto("person_emails").values(emailRows).execute();
    if (consents.length) {
      await trx
        .insertInto("consents")
        .values(consents.map((c) => ({ person_id: row.id, ...c })))
        .execute();
    }
    await insertAudited(trx, "people", { ...row, emails: emailRows.map((e) => e.email), consents });
  }
}

export async function loadAffiliations(
  trx: Trx,
  rows: z.infer<typeof affiliationRow>[],
  keys: { people: KeyMap; organisations: KeyMap },
): Promise<void> {
  for (const { person, organisation, ...fields } of rows) {
    const row = await trx
      .insertInto("affiliations")
      .values({ ...fields, person_id: keys.people.get(person), organisation_id: keys.organisations.get(organisation) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertAudited(trx, "affiliations", row);
  }
}
