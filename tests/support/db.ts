import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { type Insertable, type Selectable, sql } from "kysely";
import { type DatabaseTarget, type DB, openMigratedDatabase } from "../../db/index";
import type {
  BodiesTable,
  Language,
  OrganisationsTable,
  PeopleTable,
  SeatsTable,
  SectorsTable,
  User,
  UserRole,
} from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import {
  createSession,
  DEFAULT_SESSION_IDLE_MINUTES,
  generateSessionToken,
  SESSION_COOKIE,
} from "../../app/auth/session.server";
import type { KringContext } from "../../app/server/context";
import { createMailTransport, type MailTransport, mailSettings } from "../../app/server/mail-transport.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import { DEFAULT_RETENTION_MONTHS } from "../../app/services/retention";
import { freshDatabase } from "./test-database";

/**
 * Test data is built here, by each test for itself, in a real database with the real migrations
 * (SQLite, or PostgreSQL with TEST_DATABASE_URL: tests/support/test-database.ts). Never the demo seed.
 */

export interface TestDatabase {
  db: DB;
  /** where it is: to open a second connection, or to give a server process */
  target: DatabaseTarget;
  /** closes the database and removes it */
  cleanup: () => Promise<void>;
}

/** A fresh, migrated database of its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const fresh = await freshDatabase();
  let db: DB;
  try {
    db = await openMigratedDatabase(fresh.target);
  } catch (error) {
    await fresh.drop();
    throw error;
  }
  let closed = false;
  return {
    db,
    target: fresh.target,
    cleanup: async () => {
      if (!closed) {
        closed = true;
        await db.destroy();
      }
      await fresh.drop();
    },
  };
}

let counter = 0;
/** A number unique within this test process, for names that must be unique. */
export function unique(): number {
  counter += 1;
  return counter;
}

export interface MakeUserOptions {
  /** the user's network-wide role; leave it out for a user with only regional roles */
  role?: UserRole;
  /** roles per region: region id → role */
  regionRoles?: Readonly<Record<number, UserRole>>;
  email?: string;
  password?: string;
  name?: string;
  language?: Language;
  disabled?: boolean;
}

/** Inserts a user with an argon2 hash of the password; returns the row and the plain password. */
export async function makeUser(db: DB, options: MakeUserOptions): Promise<{ user: User; password: string }> {
  const n = unique();
  const password = options.password ?? `wachtwoord-${randomBytes(6).toString("hex")}`;
  const user = await db
    .insertInto("users")
    .values({
      email: (options.email ?? `${options.role ?? "regionaal"}-${n}@example.org`).toLowerCase(),
      name: options.name ?? `Testgebruiker ${n}`,
      password_hash: await hashPassword(password),
      language: options.language ?? "nl",
      disabled_at: options.disabled ? new Date().toISOString() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const roles = [
    ...(options.role ? [{ user_id: user.id, region_id: null, role: options.role }] : []),
    ...Object.entries(options.regionRoles ?? {}).map(([regionId, role]) => ({
      user_id: user.id,
      region_id: Number(regionId),
      role,
    })),
  ];
  if (roles.length === 0) throw new Error("makeUser: give the user a role, network-wide or in a region");
  await db.insertInto("user_roles").values(roles).execute();
  return { user, password };
}

/** A session for the user, as login creates it; returns the Cookie header value that carries it. */
export async function sessionCookieFor(db: DB, userId: number): Promise<string> {
  const token = generateSessionToken();
  await createSession(db, token, userId);
  return `${SESSION_COOKIE}=${token}`;
}

export async function makeSector(
  db: DB,
  overrides: Partial<Insertable<SectorsTable>> = {},
): Promise<Selectable<SectorsTable>> {
  const n = unique();
  return db
    .insertInto("sectors")
    .values({ code: `sector-${n}`, name_nl: `Sector ${n}`, name_en: `Sector ${n}`, sort_order: n, ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An organisation; a new sector is made for it unless sector_id is given. */
export async function makeOrganisation(
  db: DB,
  overrides: Partial<Insertable<OrganisationsTable>> = {},
): Promise<Selectable<OrganisationsTable>> {
  const n = unique();
  const sector_id = overrides.sector_id ?? (await makeSector(db)).id;
  return db
    .insertInto("organisations")
    .values({
      name: `Organisatie ${n}`,
      short_name: null,
      parent_id: null,
      website: null,
      email: null,
      phone: null,
      address: null,
      notes: null,
      archived_at: null,
      ...overrides,
      sector_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A person (synthetic name); with `email`, also their primary e-mail address. */
export async function makePerson(
  db: DB,
  overrides: Partial<Insertable<PeopleTable>> & { email?: string } = {},
): Promise<Selectable<PeopleTable>> {
  const n = unique();
  const { email, ...values } = overrides;
  const person = await db
    .insertInto("people")
    .values({
      first_name: "Test",
      infix: null,
      last_name: `Persoon ${n}`,
      initials: null,
      salutation: null,
      title: null,
      phone: null,
      notes: null,
      archived_at: null,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (email) {
    await db
      .insertInto("person_emails")
      .values({ person_id: person.id, email: email.toLowerCase(), is_primary: 1 })
      .execute();
  }
  return person;
}

/** A body (gremium), tactical werkgroep unless told otherwise. */
/**
 * The region test records belong to unless told otherwise: the first region, Zuid-Limburg made
 * when the database has none yet.
 */
export async function defaultRegionId(db: DB): Promise<number> {
  const first = await db.selectFrom("regions").select("id").orderBy("id").limit(1).executeTakeFirst();
  if (first) return first.id;
  const made = await db
    .insertInto("regions")
    .values({ code: "zuid-limburg", name: "Zuid-Limburg" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return made.id;
}

/**
 * A body in a register migrated only to before migration 0019, whose bodies have no region yet: for
 * the tests that fill an older schema and then migrate it.
 */
export async function makeBodyBeforeRegions(
  db: DB,
  { name, abbreviation = null }: { name: string; abbreviation?: string | null },
): Promise<{ id: number }> {
  const { rows } = await sql<{ id: number }>`
    insert into bodies (name, abbreviation, kind, level)
    values (${name}, ${abbreviation}, 'werkgroep', 'tactisch')
    returning id`.execute(db);
  return { id: Number(rows[0]!.id) };
}

export async function makeBody(
  db: DB,
  { subregion_ids = [], ...overrides }: Partial<Insertable<BodiesTable>> & { subregion_ids?: number[] } = {},
): Promise<Selectable<BodiesTable>> {
  const n = unique();
  const body = await db
    .insertInto("bodies")
    .values({
      name: `Werkgroep ${n}`,
      abbreviation: null,
      kind: "werkgroep",
      level: "tactisch",
      parent_id: null,
      theme_id: null,
      description: null,
      active_from: null,
      active_to: null,
      meetings_per_year: null,
      archived_at: null,
      region_id: overrides.region_id ?? (await defaultRegionId(db)),
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (subregion_ids.length > 0) {
    await db
      .insertInto("body_subregions")
      .values(subregion_ids.map((subregion_id) => ({ body_id: body.id, subregion_id })))
      .execute();
  }
  return body;
}

/**
 * A seat: "lid" since 2025-01-01, ongoing. A new body and a new person are made unless
 * body_id / person_id are given; `person_id: null` makes a vacant seat.
 */
export async function makeSeat(
  db: DB,
  overrides: Partial<Insertable<SeatsTable>> = {},
): Promise<Selectable<SeatsTable>> {
  const body_id = overrides.body_id ?? (await makeBody(db)).id;
  const person_id = overrides.person_id === undefined ? (await makePerson(db)).id : overrides.person_id;
  return db
    .insertInto("seats")
    .values({
      role: "lid",
      organisation_id: null,
      start_date: "2025-01-01",
      end_date: null,
      note: null,
      ...overrides,
      body_id,
      person_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

let testMail: MailTransport | undefined;

/** The tests' default mail transport: .eml files in a temp folder of this test process (pass your own to read them). */
function defaultTestMail(): MailTransport {
  testMail ??= createMailTransport(mailSettings({}), path.join(os.tmpdir(), `kring-test-outbox-${process.pid}`));
  return testMail;
}

/** The load context the Express adapter hands to loaders and actions (app/server/app.ts). */
export function testContext(db: DB, overrides: Partial<KringContext> = {}): AppLoadContext {
  return {
    db,
    cspNonce: "test",
    clientAddress: "127.0.0.1",
    pseudonymSecret: "a test key for research pseudonyms, 32+ chars",
    mail: overrides.mail ?? defaultTestMail(),
    wakeMailSender: () => {},
    mailingPolicy: DEFAULT_MAILING_POLICY,
    sessionIdleMs: DEFAULT_SESSION_IDLE_MINUTES * 60 * 1000,
    retentionMonths: DEFAULT_RETENTION_MONTHS,
    auth: {},
    ...overrides,
  };
}

export interface FormRequestOptions {
  cookie?: string;
  /** Origin header; defaults to the URL's own origin, `null` sends none */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A POST with a form-encoded body, as a browser sends a <form method="post">. A bare path gets http://localhost. */
export function formRequest(
  url: string,
  fields: Record<string, string | number | readonly string[]> | URLSearchParams = {},
  options: FormRequestOptions = {},
): Request {
  const absolute = new URL(url, "http://localhost");
  let body: URLSearchParams;
  if (fields instanceof URLSearchParams) {
    body = fields;
  } else {
    body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === "string" || typeof value === "number") body.append(name, String(value));
      else for (const item of value) body.append(name, item);
    }
  }
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", ...options.headers });
  const origin = options.origin === undefined ? absolute.origin : options.origin;
  if (origin !== null) headers.set("Origin", origin);
  if (options.cookie) headers.set("Cookie", options.cookie);
  return new Request(absolute, { method: "POST", headers, body: body.toString() });
}
