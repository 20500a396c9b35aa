import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addPersonEmail, currentConsent, recordConsent } from "../../app/models/people.server";
import * as editRoute from "../../app/routes/personen.$personId_.bewerken";
import * as jobsRoute from "../../app/routes/personen.$personId_.functies";
import * as personRoute from "../../app/routes/personen.$personId";
import * as listRoute from "../../app/routes/personen._index";
import * as newRoute from "../../app/routes/personen.nieuw";
import { todayInAmsterdam } from "../../app/i18n/format";
import { messageKey } from "../../app/services/form-data";
import { addDays } from "../../app/services/periods";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeOrganisation,
  makePerson,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { makeAffiliation, personForm } from "../support/people";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

const auditOf = (entity: string, entityId: number) =>
  t.db
    .selectFrom("audit_log")
    .select(["action", "summary", "user_id", "before", "after"])
    .where("entity", "=", entity)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();

const emailsOf = (personId: number) =>
  t.db
    .selectFrom("person_emails")
    .select(["email", "is_primary"])
    .where("person_id", "=", personId)
    .orderBy("id")
    .execute();

/** The person's version now: the e-mail and consent forms carry it, as the page gives it to them. */
const versionOf = async (personId: number) =>
  (await t.db.selectFrom("people").select("version").where("id", "=", personId).executeTakeFirstOrThrow()).version;

/** Posts a form of the edit page of a person. */
const postEdit = (personId: number, cookie: string, fields: Record<string, string | number>) =>
  call(editRoute.action, formRequest(`/personen/${personId}/bewerken`, fields, { cookie }), {
    personId: String(personId),
  });

const postJobs = (personId: number, cookie: string, fields: Record<string, string | number>) =>
  call(jobsRoute.action, formRequest(`/personen/${personId}/functies`, fields, { cookie }), {
    personId: String(personId),
  });

describe("creating and editing a person", () => {
  it("creates the person with a primary address and logs both, by the user who did it", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const response = await call(
      newRoute.action,
      formRequest("/personen/nieuw", { ...personForm(), email: "Anna.Berg@Example.org" }, { cookie }),
    );
    expect(response.status).toBe(302);
    const person = await t.db.selectFrom("people").selectAll().executeTakeFirstOrThrow();
    expect(response.headers.get("Location")).toBe(`/personen/${person.id}?melding=aangemaakt`);
    expect(person).toMatchObject({
      first_name: "Anna",
      infix: "van den",
      last_name: "Berg",
      title: null,
      phone: "043 123 45 67",
    });
    expect(await emailsOf(person.id)).toEqual([{ email: "anna.berg@example.org", is_primary: 1 }]);

    // one entry: the person with their address, a child row of the person
    const audit = await auditOf("people", person.id);
    expect(audit.map((entry) => [entry.action, entry.summary, entry.user_id])).toEqual([["create", null, user.id]]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      last_name: "Berg",
      infix: "van den",
      emails: ["anna.berg@example.org"],
      primary_email: "anna.berg@example.org",
    });
  });

  it("logs an update with the record before and after", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db, { first_name: "Anna", last_name: "Berg" });
    const response = await postEdit(person.id, cookie, {
      intent: "save",
      version: person.version,
      ...personForm({ last_name: "Bergh" }),
    });
    expect(response.status).toBe(302);

    const [entry] = await auditOf("people", person.id);
    expect(entry).toMatchObject({ action: "update", user_id: user.id });
    expect(JSON.parse(entry!.before!)).toMatchObject({ last_name: "Berg", version: 1 });
    expect(JSON.parse(entry!.after!)).toMatchObject({ last_name: "Bergh", version: 2 });
  });

  it("refuses an e-mail address of another person, naming and linking that person, and keeps what was typed", async () => {
    const { cookie } = await signedIn("redacteur");
    const owner = await makePerson(t.db, {
      first_name: "Jan",
      infix: "de",
      last_name: "Vries",
      email: "jan@example.org",
    });
    const typed = { ...personForm({ first_name: "Johan", last_name: "Vries", infix: "" }), email: "JAN@example.org" };
    const response = await call(newRoute.action, formRequest("/personen/nieuw", typed, { cookie }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ email: messageKey("people.errors.emailTaken", { name: "Jan de Vries" }) });
    expect(body.links).toEqual({ email: { href: `/personen/${owner.id}`, name: "Jan de Vries" } });
    expect(body.values).toMatchObject({
      first_name: "Johan",
      last_name: "Vries",
      email: "JAN@example.org",
      phone: "043 123 45 67",
    });
    expect(await t.db.selectFrom("people").select("id").execute()).toHaveLength(1);

    const other = await makePerson(t.db);
    const added = await postEdit(other.id, cookie, {
      intent: "addEmail",
      version: await versionOf(other.id),
      email: "jan@example.org",
    });
    expect(added.status).toBe(400);
    expect((await added.json()).links).toEqual({ email: { href: `/personen/${owner.id}`, name: "Jan de Vries" } });
  });

  it("refuses an e-mail address that is not one, and a phone number that is not one, keeping the input", async () => {
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      newRoute.action,
      formRequest("/personen/nieuw", { ...personForm({ phone: "bel mij" }), email: "anna-at-example" }, { cookie }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ email: "auth.errors.emailInvalid", phone: "people.errors.phoneInvalid" });
    expect(body.values).toMatchObject({ first_name: "Anna", email: "anna-at-example", phone: "bel mij" });
    expect(await t.db.selectFrom("people").select("id").execute()).toEqual([]);
  });

  it("refuses a second save on an old version with what changed meanwhile, keeping the typed values", async () => {
    const first = await signedIn("redacteur");
    const second = await signedIn("beheerder");
    const { first_name, infix, last_name, initials, salutation, phone } = personForm();
    const person = await makePerson(t.db, { first_name, infix, last_name, initials, salutation, phone });
    // both open the form at version 1
    expect(
      (await postEdit(person.id, first.cookie, { intent: "save", version: 1, ...personForm({ last_name: "Bergh" }) }))
        .status,
    ).toBe(302);
    const response = await postEdit(person.id, second.cookie, {
      intent: "save",
      version: 1,
      ...personForm({ phone: "06 12345678" }),
    });

    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.intent).toBe("save");
    expect(body.values).toMatchObject({ phone: "06 12345678", last_name: "Berg", version: "2" });
    // the conflict list names only what the other editor changed
    expect(body.conflict).toEqual([
      { at: expect.any(String), by: first.user.name, fields: [{ field: "last_name", before: "Berg", after: "Bergh" }] },
    ]);
    const stored = await t.db
      .selectFrom("people")
      .select(["last_name", "phone", "version"])
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ last_name: "Bergh", phone: "043 123 45 67", version: 2 });
  });

  it("archives only after confirmation, and the undo brings the person back into the list", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db, { last_name: "Archief" });
    const unconfirmed = await postEdit(person.id, cookie, { intent: "archive", version: 1 });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).errors).toEqual({ confirm: "people.errors.confirmArchive" });

    const archived = await postEdit(person.id, cookie, { intent: "archive", version: 1, confirm: "on" });
    expect(archived.headers.get("Location")).toBe(`/personen/${person.id}/bewerken?melding=gearchiveerd&versie=2`);
    const listed = async () =>
      (await (await call(listRoute.loader, get("/personen", cookie))).json()).rows.map((r: { id: number }) => r.id);
    expect(await listed()).toEqual([]);

    const undone = await postEdit(person.id, cookie, { intent: "undo", wat: "archive", version: 2 });
    expect(undone.headers.get("Location")).toBe(`/personen/${person.id}/bewerken?melding=ongedaan`);
    expect(await listed()).toEqual([person.id]);
    expect((await auditOf("people", person.id)).map((e) => e.action)).toEqual(["archive", "restore"]);
  });
});

describe("e-mail addresses", () => {
  it("keeps exactly one primary address: a new primary replaces the old, a removed primary passes it on", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db, { email: "eerste@example.org" });
    await postEdit(person.id, cookie, {
      intent: "addEmail",
      version: await versionOf(person.id),
      email: "tweede@example.org",
    });
    expect(await emailsOf(person.id)).toEqual([
      { email: "eerste@example.org", is_primary: 1 },
      { email: "tweede@example.org", is_primary: 0 },
    ]);

    await postEdit(person.id, cookie, {
      intent: "addEmail",
      version: await versionOf(person.id),
      email: "derde@example.org",
      primary: "on",
    });
    expect((await emailsOf(person.id)).filter((e) => e.is_primary)).toEqual([
      { email: "derde@example.org", is_primary: 1 },
    ]);

    const second = await t.db
      .selectFrom("person_emails")
      .select("id")
      .where("email", "=", "tweede@example.org")
      .executeTakeFirstOrThrow();
    await postEdit(person.id, cookie, {
      intent: "primaryEmail",
      version: await versionOf(person.id),
      emailId: second.id,
    });
    expect((await emailsOf(person.id)).filter((e) => e.is_primary)).toEqual([
      { email: "tweede@example.org", is_primary: 1 },
    ]);

    const removal = await postEdit(person.id, cookie, {
      intent: "removeEmail",
      version: await versionOf(person.id),
      emailId: second.id,
    });
    expect(removal.status).toBe(302);
    expect(await emailsOf(person.id)).toEqual([
      { email: "eerste@example.org", is_primary: 1 },
      { email: "derde@example.org", is_primary: 0 },
    ]);

    // the notice after the removal offers the address back, as primary again
    const location = new URL(removal.headers.get("Location")!, "http://localhost");
    expect(location.searchParams.get("melding")).toBe("verwijderd");
    const audit = location.searchParams.get("logboek")!;
    const page = await (
      await call(editRoute.loader, get(`/personen/${person.id}/bewerken?melding=verwijderd&logboek=${audit}`, cookie), {
        personId: String(person.id),
      })
    ).json();
    expect(page.removed).toEqual({ email: "tweede@example.org", audit: Number(audit) });
    await postEdit(person.id, cookie, { intent: "undo", wat: "email", audit });
    expect((await emailsOf(person.id)).filter((e) => e.is_primary)).toEqual([
      { email: "tweede@example.org", is_primary: 1 },
    ]);
  });

  it("refuses a change to the addresses made on an old version, with what changed meanwhile, keeping what was typed", async () => {
    const first = await signedIn("redacteur");
    const second = await signedIn("beheerder");
    const person = await makePerson(t.db, { email: "eerste@example.org" });
    const opened = await versionOf(person.id);
    // both have the edit page open; the first adds an address
    const added = await postEdit(person.id, first.cookie, {
      intent: "addEmail",
      version: opened,
      email: "tweede@example.org",
    });
    expect(added.status).toBe(302);
    // the second, on the page as it was, adds another and makes it the primary one
    const refused = await postEdit(person.id, second.cookie, {
      intent: "addEmail",
      version: opened,
      email: "derde@example.org",
      primary: "on",
    });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.values).toMatchObject({ email: "derde@example.org", primary: "on", version: String(opened + 1) });
    expect(body.conflict).toEqual([
      {
        at: expect.any(String),
        by: first.user.name,
        fields: [{ field: "emails", before: "eerste@example.org", after: "eerste@example.org, tweede@example.org" }],
      },
    ]);
    expect(await emailsOf(person.id)).toEqual([
      { email: "eerste@example.org", is_primary: 1 },
      { email: "tweede@example.org", is_primary: 0 },
    ]);
    // a consent recorded on the old version is refused in the same way
    const consent = await postEdit(person.id, second.cookie, {
      intent: "consent",
      version: opened,
      purpose: "research",
      status: "withdrawn",
      recorded_on: "2025-01-01",
      source: "",
    });
    expect(consent.status).toBe(409);
    expect(await t.db.selectFrom("consents").select("id").execute()).toEqual([]);
  });

  it("makes a person's first address the primary one, asked or not", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    await postEdit(person.id, cookie, {
      intent: "addEmail",
      version: await versionOf(person.id),
      email: "enige@example.org",
    });
    expect(await emailsOf(person.id)).toEqual([{ email: "enige@example.org", is_primary: 1 }]);
  });

  it("refuses an address the person already has without pointing elsewhere", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db, { email: "al@example.org" });
    const response = await postEdit(person.id, cookie, {
      intent: "addEmail",
      version: await versionOf(person.id),
      email: "al@example.org",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ email: "people.errors.emailAlreadyHere" });
    expect(body.links).toBeUndefined();
  });
});

describe("consent", () => {
  it("keeps every record as history; the newest day is the current state", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    for (const [status, day, source] of [
      ["given", "2025-01-10", "aanmeldformulier"],
      ["withdrawn", "2025-03-01", "e-mail"],
      ["given", "2024-06-01", "oud papieren formulier"],
    ] as const) {
      const response = await postEdit(person.id, cookie, {
        intent: "consent",
        version: await versionOf(person.id),
        purpose: "research",
        status,
        recorded_on: day,
        source,
      });
      expect(response.status).toBe(302);
    }
    expect(await currentConsent(t.db, person.id, "research")).toEqual({
      status: "withdrawn",
      recorded_on: "2025-03-01",
      source: "e-mail",
    });
    expect(await currentConsent(t.db, person.id, "news")).toBeNull();

    const page = await (
      await call(personRoute.loader, get(`/personen/${person.id}`, cookie), { personId: String(person.id) })
    ).json();
    expect(page.consents.map((c: { status: string; recorded_on: string }) => [c.status, c.recorded_on])).toEqual([
      ["withdrawn", "2025-03-01"],
      ["given", "2025-01-10"],
      ["given", "2024-06-01"],
    ]);
    expect(page.history.filter((e: { summary: string }) => e.summary === "consent_recorded")).toHaveLength(3);

    // on the same day, the later record wins
    await recordConsent(t.db, user, person.id, await versionOf(person.id), {
      purpose: "research",
      status: "given",
      recorded_on: "2025-03-01",
      source: "telefoon",
    });
    expect((await currentConsent(t.db, person.id, "research"))?.status).toBe("given");
  });

  it("refuses a consent dated in the future", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    const response = await postEdit(person.id, cookie, {
      intent: "consent",
      version: await versionOf(person.id),
      purpose: "news",
      status: "given",
      recorded_on: addDays(todayInAmsterdam(), 1),
      source: "",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ recorded_on: "people.errors.consentInFuture" });
    expect(await t.db.selectFrom("consents").select("id").execute()).toEqual([]);
  });
});

describe("jobs (affiliations)", () => {
  it("adds several jobs at once, each logged", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const zuyderland = await makeOrganisation(t.db, { name: "Zuyderland" });
    for (const organisation of [envida, zuyderland]) {
      const response = await postJobs(person.id, cookie, {
        intent: "add",
        organisation_id: organisation.id,
        function_title: "Adviseur",
        start_date: "2025-01-01",
        end_date: "",
      });
      expect(response.status).toBe(302);
    }
    const jobs = await t.db.selectFrom("affiliations").selectAll().where("person_id", "=", person.id).execute();
    expect(jobs.map((j) => [j.organisation_id, j.end_date])).toEqual([
      [envida.id, null],
      [zuyderland.id, null],
    ]);
    expect((await auditOf("affiliations", jobs[0]!.id)).map((e) => e.action)).toEqual(["create"]);
  });

  it("ends a job by setting its last day, keeping the row, and the undo makes it ongoing again", async () => {
    const { cookie } = await signedIn("redacteur");
    const job = await makeAffiliation(t.db, { start_date: "2023-05-01" });
    const unconfirmed = await postJobs(job.person_id, cookie, {
      intent: "end",
      affiliationId: job.id,
      version: 1,
      end_date: "2025-02-28",
    });
    expect((await unconfirmed.json()).errors).toEqual({ confirm: "people.errors.confirmEnd" });

    const ended = await postJobs(job.person_id, cookie, {
      intent: "end",
      affiliationId: job.id,
      version: 1,
      end_date: "2025-02-28",
      confirm: "on",
    });
    expect(ended.headers.get("Location")).toBe(
      `/personen/${job.person_id}/functies?melding=beeindigd&id=${job.id}&versie=2`,
    );
    const row = await t.db.selectFrom("affiliations").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ start_date: "2023-05-01", end_date: "2025-02-28", version: 2 });

    const page = await (
      await call(
        jobsRoute.loader,
        get(`/personen/${job.person_id}/functies?melding=beeindigd&id=${job.id}&versie=2`, cookie),
        {
          personId: String(job.person_id),
        },
      )
    ).json();
    expect(page.ended).toMatchObject({ id: job.id, end_date: "2025-02-28" });

    const undone = await postJobs(job.person_id, cookie, { intent: "undo", affiliationId: job.id, version: 2 });
    expect(undone.headers.get("Location")).toBe(`/personen/${job.person_id}/functies?melding=ongedaan&id=${job.id}`);
    expect(
      await t.db
        .selectFrom("affiliations")
        .select(["end_date", "version"])
        .where("id", "=", job.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      end_date: null,
      version: 3,
    });
    expect((await auditOf("affiliations", job.id)).map((e) => [e.action, e.summary])).toEqual([
      ["end", null],
      ["update", "end_undone"],
    ]);
  });

  it("does not undo an end over a change someone made after it", async () => {
    const { cookie } = await signedIn("redacteur");
    const job = await makeAffiliation(t.db, { start_date: "2023-05-01" });
    await postJobs(job.person_id, cookie, {
      intent: "end",
      affiliationId: job.id,
      version: 1,
      end_date: "2025-02-28",
      confirm: "on",
    });
    await postJobs(job.person_id, cookie, {
      intent: "edit",
      affiliationId: job.id,
      version: 2,
      organisation_id: job.organisation_id,
      function_title: "Senior beleidsadviseur",
      start_date: "2023-05-01",
      end_date: "2025-03-31",
    });
    const undo = await postJobs(job.person_id, cookie, { intent: "undo", affiliationId: job.id, version: 2 });
    expect(undo.status).toBe(409);
    expect((await undo.json()).errors).toEqual({ _form: "people.errors.undoStale" });
    expect(
      (await t.db.selectFrom("affiliations").select("end_date").where("id", "=", job.id).executeTakeFirstOrThrow())
        .end_date,
    ).toBe("2025-03-31");
  });

  it("refuses an end before the start, in the browser's schema and in the model", async () => {
    const { cookie } = await signedIn("redacteur");
    const job = await makeAffiliation(t.db, { start_date: "2025-03-01" });
    const ending = await postJobs(job.person_id, cookie, {
      intent: "end",
      affiliationId: job.id,
      version: 1,
      end_date: "2025-02-28",
      confirm: "on",
    });
    expect(ending.status).toBe(400);
    expect((await ending.json()).errors).toEqual({ end_date: "common.form.endBeforeStart" });

    const organisation = await makeOrganisation(t.db);
    const adding = await postJobs(job.person_id, cookie, {
      intent: "add",
      organisation_id: organisation.id,
      function_title: "Projectleider",
      start_date: "2025-03-01",
      end_date: "2025-01-31",
    });
    expect(adding.status).toBe(400);
    const body = await adding.json();
    expect(body.errors).toEqual({ end_date: "common.form.endBeforeStart" });
    expect(body.values).toMatchObject({
      function_title: "Projectleider",
      start_date: "2025-03-01",
      end_date: "2025-01-31",
    });
    expect(await t.db.selectFrom("affiliations").select(["end_date"]).execute()).toEqual([{ end_date: null }]);
  });

  it("refuses a job at an archived organisation, offering to open it", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    const gone = await makeOrganisation(t.db, { name: "Opgeheven stichting", archived_at: "2024-12-31T12:00:00.000Z" });
    const response = await postJobs(person.id, cookie, {
      intent: "add",
      organisation_id: gone.id,
      function_title: "Directeur",
      start_date: "",
      end_date: "",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      organisation_id: messageKey("people.errors.organisationArchived", { name: "Opgeheven stichting" }),
    });
    expect(body.links).toEqual({ organisation_id: { href: `/organisaties/${gone.id}`, name: "Opgeheven stichting" } });
    expect(body.values).toMatchObject({ function_title: "Directeur" });
    expect(await t.db.selectFrom("affiliations").select("id").execute()).toEqual([]);
  });

  it("lets an old job at a since archived organisation have its dates corrected", async () => {
    const { cookie } = await signedIn("redacteur");
    const gone = await makeOrganisation(t.db, { archived_at: "2024-12-31T12:00:00.000Z" });
    const job = await makeAffiliation(t.db, {
      organisation_id: gone.id,
      start_date: "2020-01-01",
      end_date: "2023-12-31",
    });
    const response = await postJobs(job.person_id, cookie, {
      intent: "edit",
      affiliationId: job.id,
      version: 1,
      organisation_id: gone.id,
      function_title: "Beleidsadviseur",
      start_date: "2019-09-01",
      end_date: "2023-12-31",
    });
    expect(response.status).toBe(302);
    expect(
      (await t.db.selectFrom("affiliations").select("start_date").where("id", "=", job.id).executeTakeFirstOrThrow())
        .start_date,
    ).toBe("2019-09-01");
  });

  it("does not let one person's page touch another person's job", async () => {
    const { cookie } = await signedIn("redacteur");
    const job = await makeAffiliation(t.db);
    const stranger = await makePerson(t.db);
    const response = await postJobs(stranger.id, cookie, {
      intent: "end",
      affiliationId: job.id,
      version: 1,
      end_date: "2025-02-28",
      confirm: "on",
    });
    expect(response.status).toBe(404);
  });
});

describe("the list of people", () => {
  it("sorts on the achternaam without tussenvoegsel or accents: van den Berg under B before Bergmans, Özdemir under O", async () => {
    const { cookie } = await signedIn("lezer");
    for (const [first_name, infix, last_name] of [
      ["Zoë", null, "Zwart"],
      ["Miriam", "van den", "Berg"],
      ["Piet", null, "Aalders"],
      ["Ayla", null, "Özdemir"],
      ["Kees", null, "Bakker"],
      ["Jan", "de", "Vries"],
      ["Mila", null, "Peters"],
      ["Erik", null, "Bergmans"],
    ] as const) {
      await makePerson(t.db, { first_name, infix, last_name });
    }
    const page = await (await call(listRoute.loader, get("/personen", cookie))).json();
    expect(page.rows.map((r: { last_name: string }) => r.last_name)).toEqual([
      "Aalders",
      "Bakker",
      "Berg",
      "Bergmans",
      "Özdemir",
      "Peters",
      "Vries",
      "Zwart",
    ]);

    const reversed = await (await call(listRoute.loader, get("/personen?sortering=naam-aflopend", cookie))).json();
    expect(reversed.rows[0].last_name).toBe("Zwart");
    expect(reversed.filter.sort).toBe("naam-aflopend");
  });

  it("filters on the organisation someone works at now and on a current research consent", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const now = await makePerson(t.db, { last_name: "Nu" });
    const before = await makePerson(t.db, { last_name: "Vroeger" });
    await makeAffiliation(t.db, { person_id: now.id, organisation_id: envida.id });
    await makeAffiliation(t.db, { person_id: before.id, organisation_id: envida.id, end_date: "2024-06-30" });
    await recordConsent(t.db, user, now.id, now.version, {
      purpose: "research",
      status: "withdrawn",
      recorded_on: "2025-01-01",
      source: null,
    });
    await recordConsent(t.db, user, before.id, before.version, {
      purpose: "research",
      status: "given",
      recorded_on: "2025-01-01",
      source: null,
    });

    const names = async (query: string) =>
      (await (await call(listRoute.loader, get(`/personen?${query}`, cookie))).json()).rows.map(
        (r: { last_name: string }) => r.last_name,
      );
    expect(await names(`organisatie=${envida.id}`)).toEqual(["Nu"]);
    expect(await names("onderzoek=1")).toEqual(["Vroeger"]);
    expect(await names(`organisatie=${envida.id}&onderzoek=1`)).toEqual([]);
  });

  it("filters on an organisation typed by name: one match filters, several are offered, none is said", async () => {
    const { cookie } = await signedIn("lezer");
    const envida = await makeOrganisation(t.db, { name: "Envida", short_name: "ENV" });
    const envidaCare = await makeOrganisation(t.db, { name: "Envida Thuiszorg" });
    await makeOrganisation(t.db, { name: "Zuyderland" });
    await makeAffiliation(t.db, {
      person_id: (await makePerson(t.db, { last_name: "Nu" })).id,
      organisation_id: envida.id,
    });
    await makeAffiliation(t.db, {
      person_id: (await makePerson(t.db, { last_name: "Thuis" })).id,
      organisation_id: envidaCare.id,
    });
    const list = async (query: string) => (await call(listRoute.loader, get(`/personen?${query}`, cookie))).json();

    const exact = await list("organisatie_naam=envida");
    expect(exact.rows.map((r: { last_name: string }) => r.last_name)).toEqual(["Nu"]);
    expect(exact.organisation).toEqual({
      state: "chosen",
      choice: { id: envida.id, name: "Envida", shortName: "ENV" },
    });
    expect((await list("organisatie_naam=thuisz")).rows.map((r: { last_name: string }) => r.last_name)).toEqual([
      "Thuis",
    ]);

    const several = await list("organisatie_naam=nvid");
    expect(several.rows).toEqual([]);
    expect(several.organisation.state).toBe("ambiguous");
    expect(several.organisation.choices.map((c: { name: string }) => c.name)).toEqual(["Envida", "Envida Thuiszorg"]);

    expect((await list("organisatie_naam=Cicero")).organisation).toEqual({ state: "unknown", text: "Cicero" });
    // the form sends the chosen id along: it keeps the choice while the name still names it
    expect(
      (await list(`organisatie=${envidaCare.id}&organisatie_naam=Envida%20Thuiszorg`)).organisation.choice.id,
    ).toBe(envidaCare.id);
    expect((await list(`organisatie=${envidaCare.id}&organisatie_naam=ENV`)).organisation.choice.id).toBe(envida.id);
  });

  it("finds people by name with tussenvoegsel and by any of their e-mail addresses", async () => {
    const { user, cookie } = await signedIn("lezer");
    const anna = await makePerson(t.db, {
      first_name: "Anna",
      infix: "van den",
      last_name: "Berg",
      email: "anna@example.org",
    });
    await makePerson(t.db, { first_name: "Bert", last_name: "Bakker", email: "bert@example.org" });
    await addPersonEmail(t.db, user, anna.id, anna.version, "a.vandenberg@example.nl");

    const ids = async (q: string) =>
      (await (await call(listRoute.loader, get(`/personen?q=${encodeURIComponent(q)}`, cookie))).json()).rows.map(
        (r: { id: number }) => r.id,
      );
    expect(await ids("van den berg")).toEqual([anna.id]);
    expect(await ids("vandenberg@example.nl")).toEqual([anna.id]);
    expect(await ids("@example.org")).toHaveLength(2);
    // % and _ are letters here, not wildcards that find everyone
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    expect(await ids("b_rt")).toEqual([]);
  });

  it("offers the new-person button only to those who may edit", async () => {
    const lezer = await signedIn("lezer");
    const redacteur = await signedIn("redacteur");
    expect((await (await call(listRoute.loader, get("/personen", lezer.cookie))).json()).canEdit).toBe(false);
    expect((await (await call(listRoute.loader, get("/personen", redacteur.cookie))).json()).canEdit).toBe(true);
  });
});

describe("permissions", () => {
  it("gives a lezer 403 on every change and on the edit pages, and changes nothing", async () => {
    const { cookie } = await signedIn("lezer");
    const job = await makeAffiliation(t.db);
    const params = { personId: String(job.person_id) };
    const attempts = [
      call(newRoute.action, formRequest("/personen/nieuw", { ...personForm(), email: "x@example.org" }, { cookie })),
      postEdit(job.person_id, cookie, { intent: "save", version: 1, ...personForm() }),
      postEdit(job.person_id, cookie, { intent: "addEmail", email: "x@example.org" }),
      postEdit(job.person_id, cookie, {
        intent: "consent",
        purpose: "news",
        status: "given",
        recorded_on: "2025-01-01",
        source: "",
      }),
      postEdit(job.person_id, cookie, { intent: "archive", version: 1, confirm: "on" }),
      postJobs(job.person_id, cookie, {
        intent: "end",
        affiliationId: job.id,
        version: 1,
        end_date: "2025-02-28",
        confirm: "on",
      }),
      call(newRoute.loader, get("/personen/nieuw", cookie)),
      call(editRoute.loader, get(`/personen/${job.person_id}/bewerken`, cookie), params),
      call(jobsRoute.loader, get(`/personen/${job.person_id}/functies`, cookie), params),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("people").select("id").execute()).toHaveLength(1);
  });

  it("shows a lezer the person page without edit links", async () => {
    const { cookie } = await signedIn("lezer");
    const person = await makePerson(t.db);
    const response = await call(personRoute.loader, get(`/personen/${person.id}`, cookie), {
      personId: String(person.id),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).canEdit).toBe(false);
  });
});

describe("the person page", () => {
  it("shows jobs and seats as one timeline and the history including jobs, by organisation name", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    await postJobs(person.id, cookie, {
      intent: "add",
      organisation_id: envida.id,
      function_title: "Teamleider",
      start_date: "2022-01-01",
      end_date: "2024-12-31",
    });
    const body = await t.db
      .insertInto("bodies")
      .values({
        region_id: await defaultRegionId(t.db),
        name: "BAT",
        kind: "adviesteam",
        level: "tactisch",
        parent_id: null,
        theme_id: null,
        description: null,
        abbreviation: null,
        active_from: null,
        active_to: null,
        meetings_per_year: null,
        archived_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("seats")
      .values({
        body_id: body.id,
        person_id: person.id,
        role: "lid",
        organisation_id: envida.id,
        start_date: "2023-03-01",
        end_date: null,
        note: null,
      })
      .execute();

    const page = await (
      await call(personRoute.loader, get(`/personen/${person.id}`, cookie), { personId: String(person.id) })
    ).json();
    expect(
      page.timeline.map((e: { day: string; type: string; kind: string }) => `${e.day} ${e.type} ${e.kind}`),
    ).toEqual(["2024-12-31 affiliation end", "2023-03-01 seat start", "2022-01-01 affiliation start"]);
    expect(page.history[0]).toMatchObject({ entity: "affiliations", action: "create", subject: "Envida" });
  });
});
