import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as mergeRoute from "../../app/routes/personen.$personId_.samenvoegen";
import * as organisationMergeRoute from "../../app/routes/organisaties.$organisationId_.samenvoegen";
import * as personRoute from "../../app/routes/personen.$personId";
import {
  createTestDatabase,
  formRequest,
  makeOrganisation,
  makePerson,
  makeSeat,
  type TestDatabase,
} from "../support/db";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

/** What the merge pages answer: the merge and its notice, a stale page (409), a merge into itself, the undo's refusal. */

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);

const postMerge = (survivorId: number, mergedId: number, cookie: string, fields: Record<string, string | number>) =>
  call(mergeRoute.action, formRequest(`/personen/${survivorId}/samenvoegen?met=${mergedId}`, fields, { cookie }), {
    personId: String(survivorId),
  });

describe("the people's merge page", () => {
  it("merges, lands on the survivor with the undo, and the duplicate's page redirects there", async () => {
    const { cookie } = await signedIn_(t.db, "redacteur");
    const survivor = await makePerson(t.db, { first_name: "Jan", last_name: "Berg" });
    const merged = await makePerson(t.db, { first_name: null, initials: "J.", last_name: "Berg", phone: "043 1" });
    const page = (await (
      await call(mergeRoute.loader, get(`/personen/${survivor.id}/samenvoegen?met=${merged.id}`, cookie), {
        personId: String(survivor.id),
      })
    ).json()) as { fields: string[]; defaults: Record<string, unknown> };
    // only the fields that differ are asked, the empty one defaulting to the value that exists
    expect(page.fields.sort()).toEqual(["first_name", "initials", "phone"]);
    expect(page.defaults).toMatchObject({ keep_first_name: "survivor", keep_initials: "merged", keep_phone: "merged" });

    const answer = await postMerge(survivor.id, merged.id, cookie, {
      survivorVersion: 1,
      mergedVersion: 1,
      confirm: "on",
      keep_phone: "merged",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toMatch(
      new RegExp(`^/personen/${survivor.id}\\?melding=samengevoegd&id=\\d+$`),
    );
    const old = await call(personRoute.loader, get(`/personen/${merged.id}`, cookie), { personId: String(merged.id) });
    expect(old.headers.get("Location")).toBe(`/personen/${survivor.id}?melding=doorverwezen&id=${merged.id}`);
  });

  it("answers 409 with the current versions when a record changed since the page opened", async () => {
    const { cookie } = await signedIn_(t.db, "redacteur");
    const survivor = await makePerson(t.db);
    const merged = await makePerson(t.db);
    await t.db.updateTable("people").set({ version: 2 }).where("id", "=", merged.id).execute();
    const answer = await postMerge(survivor.id, merged.id, cookie, {
      survivorVersion: 1,
      mergedVersion: 1,
      confirm: "on",
    });
    expect(answer.status).toBe(409);
    const body = (await answer.json()) as { values: Record<string, string>; errors: Record<string, string> };
    expect(body.values.mergedVersion).toBe("2");
    expect(body.errors._form).toMatch(/^merge\.errors\.changed\?/);
  });

  it("refuses a merge into itself with the reason, and an organisation's too", async () => {
    const { cookie } = await signedIn_(t.db, "redacteur");
    const person = await makePerson(t.db);
    const answer = await postMerge(person.id, person.id, cookie, {
      survivorVersion: 1,
      mergedVersion: 1,
      confirm: "on",
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { errors: Record<string, string> }).errors._form).toBe("merge.errors.self");
    const organisation = await makeOrganisation(t.db);
    const refused = await call(
      organisationMergeRoute.action,
      formRequest(
        `/organisaties/${organisation.id}/samenvoegen?met=${organisation.id}`,
        { survivorVersion: 1, mergedVersion: 1, confirm: "on" },
        { cookie },
      ),
      { organisationId: String(organisation.id) },
    );
    expect(refused.status).toBe(400);
  });

  it("refuses the undo on the survivor's page once a moved seat changed, saying so", async () => {
    const { cookie } = await signedIn_(t.db, "redacteur");
    const survivor = await makePerson(t.db);
    const merged = await makePerson(t.db);
    const seat = await makeSeat(t.db, { person_id: merged.id });
    const answer = await postMerge(survivor.id, merged.id, cookie, {
      survivorVersion: 1,
      mergedVersion: 1,
      confirm: "on",
    });
    const mergeId = new URL(answer.headers.get("Location")!, "http://localhost").searchParams.get("id")!;
    await t.db.updateTable("seats").set({ role: "voorzitter" }).where("id", "=", seat.id).execute();
    const refused = await call(
      personRoute.action,
      formRequest(`/personen/${survivor.id}`, { intent: "undoMerge", merge: mergeId }, { cookie }),
      { personId: String(survivor.id) },
    );
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: Record<string, string>; intent: string };
    expect(body.intent).toBe("undoMerge");
    expect(body.errors._form).toMatch(/^merge\.errors\.changedRow\.seats\?/);
  });
});
