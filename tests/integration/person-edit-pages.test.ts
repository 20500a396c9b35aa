import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as editRoute from "../../app/routes/personen.$personId_.bewerken";
import * as jobsRoute from "../../app/routes/personen.$personId_.functies";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, formRequest, makePerson, type TestDatabase } from "../support/db";
import { makeAffiliation } from "../support/people";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

/** What the edit and jobs pages of a person do after a change: notices, undo refusals, intents they do not know. */

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

const postEdit = (personId: number, cookie: string, fields: Record<string, string | number>) =>
  call(editRoute.action, formRequest(`/personen/${personId}/bewerken`, fields, { cookie }), {
    personId: String(personId),
  });

const editPage = async (personId: number, cookie: string, query = "") =>
  (
    await call(editRoute.loader, get(`/personen/${personId}/bewerken${query}`, cookie), {
      personId: String(personId),
    })
  ).json();

describe("a person's edit page", () => {
  it("restores an archived person and confirms it; the archive's undo is offered only while archived", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    const archived = await postEdit(person.id, cookie, { intent: "archive", version: 1, confirm: "on" });
    expect(archived.headers.get("Location")).toBe(`/personen/${person.id}/bewerken?melding=gearchiveerd&versie=2`);
    expect(await editPage(person.id, cookie, "?melding=gearchiveerd&versie=2")).toMatchObject({
      notice: "gearchiveerd",
      archivedVersion: 2,
    });

    const restored = await postEdit(person.id, cookie, { intent: "restore", version: 2 });
    expect(restored.headers.get("Location")).toBe(`/personen/${person.id}/bewerken?melding=hersteld`);
    expect(await editPage(person.id, cookie, "?melding=hersteld")).toMatchObject({ notice: "hersteld" });
    // an old link with the archive's undo no longer offers it
    expect((await editPage(person.id, cookie, "?melding=gearchiveerd&versie=2")).archivedVersion).toBeNull();
  });

  it("does not undo an archive over a change made after it, and says why", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db, { first_name: "Anna", last_name: "Berg" });
    await postEdit(person.id, cookie, { intent: "archive", version: 1, confirm: "on" });
    // someone else changes the archived person: the undo would overwrite that
    await t.db
      .updateTable("people")
      .set({ notes: "Gewijzigd na het archiveren", version: 3 })
      .where("id", "=", person.id)
      .execute();

    const undo = await postEdit(person.id, cookie, { intent: "undo", wat: "archive", version: 2 });
    expect(undo.status).toBe(409);
    expect(await undo.json()).toMatchObject({
      intent: "undo",
      emailId: "",
      errors: { _form: "people.errors.undoStale" },
    });
    const stored = await t.db
      .selectFrom("people")
      .select("archived_at")
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(stored.archived_at).not.toBeNull();
  });

  it("names the address a refusal belongs to, so only that address's form shows it", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db, { email: "enige@example.org" });
    // an address removed meanwhile (in another tab)
    const refused = await postEdit(person.id, cookie, {
      intent: "removeEmail",
      version: person.version,
      emailId: "999",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      intent: "removeEmail",
      emailId: "999",
      errors: { _form: "people.errors.emailGone" },
    });
    const invalid = await postEdit(person.id, cookie, {
      intent: "primaryEmail",
      version: person.version,
      emailId: "nul",
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ intent: "primaryEmail", emailId: "nul" });
  });

  it("answers 400 to an intent it does not know, also to one every object has", async () => {
    const { cookie } = await signedIn("redacteur");
    const person = await makePerson(t.db);
    expect((await postEdit(person.id, cookie, { intent: "verwijderen" })).status).toBe(400);
    expect((await postEdit(person.id, cookie, { intent: "toString" })).status).toBe(400);
    expect((await postEdit(person.id, cookie, {})).status).toBe(400);
  });
});

describe("a person's jobs page", () => {
  const postJobs = (personId: number, cookie: string, fields: Record<string, string | number>) =>
    call(jobsRoute.action, formRequest(`/personen/${personId}/functies`, fields, { cookie }), {
      personId: String(personId),
    });

  it("names the job whose end was undone, and confirms an edit", async () => {
    const { cookie } = await signedIn("redacteur");
    const job = await makeAffiliation(t.db, { start_date: "2023-05-01" });
    await postJobs(job.person_id, cookie, {
      intent: "end",
      affiliationId: job.id,
      version: 1,
      end_date: "2025-02-28",
      confirm: "on",
    });
    const undone = await postJobs(job.person_id, cookie, { intent: "undo", affiliationId: job.id, version: 2 });
    const page = await (
      await call(jobsRoute.loader, get(undone.headers.get("Location")!, cookie), { personId: String(job.person_id) })
    ).json();
    expect(page).toMatchObject({ notice: "ongedaan", ended: null, undone: { id: job.id, end_date: null } });

    const edited = await postJobs(job.person_id, cookie, {
      intent: "edit",
      affiliationId: job.id,
      version: 3,
      organisation_id: job.organisation_id,
      function_title: "Projectleider",
      start_date: "2023-05-01",
      end_date: "",
    });
    expect(edited.headers.get("Location")).toBe(`/personen/${job.person_id}/functies?melding=opgeslagen`);
  });

  it("answers 400 to an intent it does not know, and names the job a refused form belongs to", async () => {
    const { cookie } = await signedIn("redacteur");
    const job = await makeAffiliation(t.db);
    expect((await postJobs(job.person_id, cookie, { intent: "valueOf" })).status).toBe(400);
    const refused = await postJobs(job.person_id, cookie, {
      intent: "edit",
      affiliationId: job.id,
      version: 1,
      organisation_id: "",
      function_title: "",
      start_date: "",
      end_date: "",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ intent: "edit", affiliationId: String(job.id) });
  });
});
