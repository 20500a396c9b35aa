import { createGuard } from "../../db/schema-sql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { createPlan } from "../../app/models/plans.server";
import * as editPlanRoute from "../../app/routes/plannen.$planId_.bewerken";
import * as planRoute from "../../app/routes/plannen.$planId";
import * as plansRoute from "../../app/routes/plannen._index";
import * as newPlanRoute from "../../app/routes/plannen.nieuw";
import * as editThemeRoute from "../../app/routes/themas.$themeId_.bewerken";
import * as themeRoute from "../../app/routes/themas.$themeId";
import * as themesRoute from "../../app/routes/themas._index";
import * as newThemeRoute from "../../app/routes/themas.nieuw";
import { addDays } from "../../app/services/periods";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";
import { makePlan, makeSubregion, makeTheme } from "../support/themes";

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

/** What a submitted plan form holds, with every field as the browser sends it. */
const planForm = (fields: Record<string, string | number>) => ({
  name: "",
  theme_id: "",
  funding_markers: "iza",
  lead_organisation_id: "",
  description: "",
  ...fields,
});

const planRow = (id: number) => t.db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const bodyRow = (id: number) => t.db.selectFrom("bodies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const auditOf = (entity: string) =>
  t.db
    .selectFrom("audit_log")
    .select(["action", "entity_id", "user_id", "before", "after"])
    .where("entity", "=", entity)
    .orderBy("id")
    .execute();

describe("creating a plan", () => {
  it("creates its team body, a projectteam at operational level named after the plan, under the plan's theme and subregion", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db, { name: "Vitaal ouder worden" });
    const subregion = await makeSubregion(t.db, "Westelijke Mijnstreek");
    const lead = await makeOrganisation(t.db, { name: "Zuyderland" });
    const response = await call(
      newPlanRoute.action,
      formRequest(
        "/plannen/nieuw",
        planForm({
          name: "Valpreventie",
          theme_id: theme.id,
          funding_markers: "wachtlijst_iza",
          lead_organisation_id: lead.id,
          subregion_ids: subregion.id,
          team_name: "",
        }),
        { cookie },
      ),
    );

    expect(response.status).toBe(302);
    const plan = await t.db
      .selectFrom("plans")
      .selectAll()
      .where("name", "=", "Valpreventie")
      .executeTakeFirstOrThrow();
    expect(response.headers.get("Location")).toBe(`/plannen/${plan.id}?melding=aangemaakt`);
    expect(plan).toMatchObject({ theme_id: theme.id, lead_organisation_id: lead.id });
    const markers = await t.db
      .selectFrom("plan_funding_markers")
      .select("marker")
      .where("plan_id", "=", plan.id)
      .execute();
    expect(markers.map((row) => row.marker)).toEqual(["wachtlijst_iza"]);
    const planSubregions = await t.db
      .selectFrom("plan_subregions")
      .select("subregion_id")
      .where("plan_id", "=", plan.id)
      .execute();
    expect(planSubregions.map((row) => row.subregion_id)).toEqual([subregion.id]);
    expect(await bodyRow(plan.team_body_id!)).toMatchObject({
      name: "Projectteam Valpreventie",
      kind: "projectteam",
      level: "operationeel",
      theme_id: theme.id,
    });
    const teamSubregions = await t.db
      .selectFrom("body_subregions")
      .select("subregion_id")
      .where("body_id", "=", plan.team_body_id!)
      .execute();
    expect(teamSubregions.map((row) => row.subregion_id)).toEqual([subregion.id]);
  });

  it("writes an audit entry for the plan and one for its team, both by the editor", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db);
    await call(
      newPlanRoute.action,
      formRequest("/plannen/nieuw", planForm({ name: "Pluswijken", theme_id: theme.id }), { cookie }),
    );

    const [planEntry] = await auditOf("plans");
    const [teamEntry] = await auditOf("bodies");
    expect(planEntry).toMatchObject({ action: "create", user_id: user.id, before: null });
    expect(teamEntry).toMatchObject({ action: "create", user_id: user.id, before: null });
    expect(JSON.parse(planEntry!.after!)).toMatchObject({
      name: "Pluswijken",
      team_body_id: Number(teamEntry!.entity_id),
    });
    expect(JSON.parse(teamEntry!.after!)).toMatchObject({ name: "Projectteam Pluswijken", kind: "projectteam" });
  });

  it("gives the team the name the editor typed", async () => {
    const { cookie } = await signedIn("beheerder");
    const theme = await makeTheme(t.db);
    await call(
      newPlanRoute.action,
      formRequest(
        "/plannen/nieuw",
        planForm({ name: "Beweeghuis", theme_id: theme.id, team_name: "Kerngroep Beweeghuis" }),
        { cookie },
      ),
    );
    const plan = await t.db
      .selectFrom("plans")
      .select("team_body_id")
      .where("name", "=", "Beweeghuis")
      .executeTakeFirstOrThrow();
    expect((await bodyRow(plan.team_body_id!)).name).toBe("Kerngroep Beweeghuis");
  });

  it("leaves neither the plan nor its team behind when storing the plan fails", async () => {
    const { user } = await signedIn("redacteur");
    const theme = await makeTheme(t.db);
    // the database refuses the plan row, after the team body has been inserted
    await createGuard(t.db as never as Parameters<typeof createGuard>[0], {
      name: "refuse_plans",
      table: "plans",
      event: "insert",
      when: null,
      message: "plan refused",
    });

    await expect(
      createPlan(
        t.db,
        user,
        {
          name: "Gestrand",
          theme_id: theme.id,
          funding_markers: ["iza"],
          lead_organisation_id: null,
          subregion_ids: [],
          description: null,
          teamName: null,
        },
        await defaultRegionId(t.db),
      ),
    ).rejects.toThrow(/plan refused/);

    expect(await t.db.selectFrom("bodies").select("name").execute()).toEqual([]);
    expect(await t.db.selectFrom("audit_log").select("entity").execute()).toEqual([]);
  });

  it("refuses a team name another body already has, offers to open that body, and stores nothing", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db);
    const existing = await makeBody(t.db, { name: "Projectteam Valpreventie" });
    const response = await call(
      newPlanRoute.action,
      formRequest(
        "/plannen/nieuw",
        planForm({ name: "valpreventie", theme_id: theme.id, description: "Minder vallen" }),
        { cookie },
      ),
    );

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ team_name: "themes.errors.duplicateTeam" });
    expect(body.links.team_name).toEqual({ href: `/gremia/${existing.id}`, name: "Projectteam Valpreventie" });
    expect(body.values).toMatchObject({ name: "valpreventie", description: "Minder vallen" });
    expect(await t.db.selectFrom("plans").select("id").execute()).toEqual([]);
  });

  it("refuses an archived theme", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db, { archived_at: "2025-01-01T00:00:00.000Z" });
    const response = await call(
      newPlanRoute.action,
      formRequest("/plannen/nieuw", planForm({ name: "Oud plan", theme_id: theme.id }), { cookie }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ theme_id: "themes.errors.themeArchived" });
    expect(await t.db.selectFrom("bodies").select("id").execute()).toEqual([]);
  });

  it("refuses an archived lead organisation", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db);
    const gone = await makeOrganisation(t.db, { archived_at: "2025-01-01T00:00:00.000Z" });
    const response = await call(
      newPlanRoute.action,
      formRequest("/plannen/nieuw", planForm({ name: "Plan", theme_id: theme.id, lead_organisation_id: gone.id }), {
        cookie,
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ lead_organisation_id: "themes.errors.organisationArchived" });
  });

  it("asks for a name, a theme and a funding status, keeping what was typed", async () => {
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      newPlanRoute.action,
      formRequest("/plannen/nieuw", planForm({ name: " ", funding_markers: "", description: "Iets" }), { cookie }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      name: "common.form.required",
      theme_id: "common.form.required",
      funding_markers: "governance.errors.fundingRequired",
    });
    expect(body.values.description).toBe("Iets");
  });
});

describe("names are unique, whatever their case", () => {
  it("refuses a second theme with the same name and links to the first", async () => {
    const { cookie } = await signedIn("redacteur");
    const existing = await makeTheme(t.db, { name: "Mentale gezondheid" });
    const response = await call(
      newThemeRoute.action,
      formRequest(
        "/themas/nieuw",
        { name: "  mentale Gezondheid ", kind: "inhoudelijk", description: "Dubbel" },
        { cookie },
      ),
    );

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ name: "themes.errors.duplicateTheme" });
    expect(body.links.name).toEqual({ href: `/themas/${existing.id}`, name: "Mentale gezondheid" });
    expect(body.values).toMatchObject({ name: "  mentale Gezondheid ", description: "Dubbel" });
    expect(await t.db.selectFrom("themes").select("name").execute()).toEqual([{ name: "Mentale gezondheid" }]);
  });

  it("refuses a second plan with the same name and links to the first", async () => {
    const { cookie } = await signedIn("redacteur");
    const existing = await makePlan(t.db, { name: "Deltaplan ouderen" });
    const response = await call(
      newPlanRoute.action,
      formRequest(
        "/plannen/nieuw",
        planForm({ name: "DELTAPLAN OUDEREN", theme_id: existing.theme_id!, team_name: "Ander team" }),
        { cookie },
      ),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ name: "themes.errors.duplicatePlan" });
    expect(body.links.name).toEqual({ href: `/plannen/${existing.id}`, name: "Deltaplan ouderen" });
  });

  it("refuses renaming a plan to another plan's name, but lets a plan change the case of its own", async () => {
    const { cookie } = await signedIn("redacteur");
    await makePlan(t.db, { name: "Beweeghuis" });
    const plan = await makePlan(t.db, { name: "Revalidatie 2030" });
    const save = (name: string, version: number) =>
      call(
        editPlanRoute.action,
        formRequest(
          `/plannen/${plan.id}/bewerken`,
          planForm({ intent: "save", version, name, theme_id: plan.theme_id! }),
          { cookie },
        ),
        { planId: String(plan.id) },
      );

    const refused = await save("beweeghuis", 1);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ name: "themes.errors.duplicatePlan" });

    expect((await save("revalidatie 2030", 1)).status).toBe(302);
    expect((await planRow(plan.id)).name).toBe("revalidatie 2030");
  });
});

describe("two people editing the same plan", () => {
  it("refuses the second save with 409, shows what the first changed, and keeps what the second typed", async () => {
    const first = await signedIn("redacteur");
    const second = await signedIn("beheerder");
    const plan = await makePlan(t.db, { name: "Sociale WiFi", funding_markers: ["iza"] });
    const form = (fields: Record<string, string | number>) =>
      formRequest(
        `/plannen/${plan.id}/bewerken`,
        planForm({ intent: "save", version: 1, name: "Sociale WiFi", theme_id: plan.theme_id!, ...fields }),
        {
          cookie: fields.cookie as string,
        },
      );
    const params = { planId: String(plan.id) };

    expect(
      (await call(editPlanRoute.action, form({ funding_markers: "andere", cookie: first.cookie }), params)).status,
    ).toBe(302);
    const response = await call(
      editPlanRoute.action,
      form({ name: "Sociale WiFi Zuid-Limburg", description: "Mijn tekst", cookie: second.cookie }),
      params,
    );

    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.intent).toBe("save");
    expect(body.errors).toEqual({ _form: "common.form.conflictText" });
    expect(body.conflict).toHaveLength(1);
    expect(body.conflict[0].by).toBe(first.user.name);
    expect(body.conflict[0].fields).toEqual([{ field: "funding_markers", before: "iza", after: "andere" }]);
    expect(body.values).toMatchObject({ name: "Sociale WiFi Zuid-Limburg", description: "Mijn tekst", version: "2" });
    expect(await planRow(plan.id)).toMatchObject({ name: "Sociale WiFi", version: 2 });

    // saving again, now knowingly against version 2, goes through
    const again = await call(
      editPlanRoute.action,
      form({ version: 2, name: "Sociale WiFi Zuid-Limburg", cookie: second.cookie }),
      params,
    );
    expect(again.status).toBe(302);
    expect((await planRow(plan.id)).name).toBe("Sociale WiFi Zuid-Limburg");
  });

  it("refuses a stale save of a theme the same way", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db, { name: "Arbeidsmarkt" });
    const params = { themeId: String(theme.id) };
    const save = (fields: Record<string, string | number>) =>
      call(
        editThemeRoute.action,
        formRequest(
          `/themas/${theme.id}/bewerken`,
          { intent: "save", version: 1, name: "Arbeidsmarkt", kind: "inhoudelijk", description: "", ...fields },
          { cookie },
        ),
        params,
      );

    expect((await save({ kind: "randvoorwaardelijk" })).status).toBe(302);
    const response = await save({ description: "Nieuwe omschrijving" });
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.conflict[0].fields).toEqual([{ field: "kind", before: "inhoudelijk", after: "randvoorwaardelijk" }]);
    expect(body.values.description).toBe("Nieuwe omschrijving");
  });
});

describe("editing a plan", () => {
  it("renames the plan but not its team body, and logs before and after", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const plan = await makePlan(t.db, { name: "Academie voor zelfzorg" });
    const response = await call(
      editPlanRoute.action,
      formRequest(
        `/plannen/${plan.id}/bewerken`,
        planForm({ intent: "save", version: 1, name: "Zelfzorgacademie", theme_id: plan.theme_id! }),
        { cookie },
      ),
      { planId: String(plan.id) },
    );

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/plannen/${plan.id}/bewerken?melding=opgeslagen`);
    expect((await planRow(plan.id)).name).toBe("Zelfzorgacademie");
    expect((await bodyRow(plan.team_body_id!)).name).toBe("Projectteam Academie voor zelfzorg");
    const [entry] = await auditOf("plans");
    expect(entry).toMatchObject({ action: "update", user_id: user.id });
    expect(JSON.parse(entry!.before!).name).toBe("Academie voor zelfzorg");
    expect(JSON.parse(entry!.after!).name).toBe("Zelfzorgacademie");
  });

  it("keeps a theme archived since the plan chose it, but refuses switching to an archived one", async () => {
    const { cookie } = await signedIn("redacteur");
    const oldTheme = await makeTheme(t.db, { archived_at: "2025-06-01T00:00:00.000Z" });
    const otherArchived = await makeTheme(t.db, { archived_at: "2025-06-01T00:00:00.000Z" });
    const plan = await makePlan(t.db, { theme_id: oldTheme.id });
    const save = (themeId: number, version: number) =>
      call(
        editPlanRoute.action,
        formRequest(
          `/plannen/${plan.id}/bewerken`,
          planForm({ intent: "save", version, name: plan.name, theme_id: themeId, description: "Bijgewerkt" }),
          { cookie },
        ),
        { planId: String(plan.id) },
      );

    expect((await save(oldTheme.id, 1)).status).toBe(302);
    const refused = await save(otherArchived.id, 2);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ theme_id: "themes.errors.themeArchived" });
  });
});

describe("archiving", () => {
  it("asks for confirmation before archiving a plan", async () => {
    const { cookie } = await signedIn("redacteur");
    const plan = await makePlan(t.db);
    const response = await call(
      editPlanRoute.action,
      formRequest(`/plannen/${plan.id}/bewerken`, { intent: "archive", version: 1 }, { cookie }),
      {
        planId: String(plan.id),
      },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ confirm: "themes.errors.confirmArchive" });
    expect((await planRow(plan.id)).archived_at).toBeNull();
  });

  it("archives a plan once confirmed, offers undo, and undo restores it; both logged", async () => {
    const { cookie } = await signedIn("redacteur");
    const plan = await makePlan(t.db);
    const params = { planId: String(plan.id) };
    const archived = await call(
      editPlanRoute.action,
      formRequest(`/plannen/${plan.id}/bewerken`, { intent: "archive", version: 1, confirm: "on" }, { cookie }),
      params,
    );
    expect(archived.headers.get("Location")).toBe(`/plannen/${plan.id}/bewerken?melding=gearchiveerd`);
    expect((await planRow(plan.id)).archived_at).not.toBeNull();
    expect((await bodyRow(plan.team_body_id!)).archived_at).toBeNull();

    const page = await (
      await call(editPlanRoute.loader, get(`/plannen/${plan.id}/bewerken?melding=gearchiveerd`, cookie), params)
    ).json();
    expect(page).toMatchObject({ notice: "gearchiveerd", plan: { version: 2 } });

    const undone = await call(
      editPlanRoute.action,
      formRequest(`/plannen/${plan.id}/bewerken`, { intent: "undo", version: 2 }, { cookie }),
      params,
    );
    expect(undone.headers.get("Location")).toBe(`/plannen/${plan.id}/bewerken?melding=ongedaan`);
    expect((await planRow(plan.id)).archived_at).toBeNull();
    expect((await auditOf("plans")).map((entry) => entry.action)).toEqual(["archive", "restore"]);
  });

  it("takes an archived theme out of the list and out of the plan form's choices", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db, { name: "Digitalisering" });
    await call(
      editThemeRoute.action,
      formRequest(`/themas/${theme.id}/bewerken`, { intent: "archive", version: 1, confirm: "on" }, { cookie }),
      {
        themeId: String(theme.id),
      },
    );

    const list = await (await call(themesRoute.loader, get("/themas", cookie))).json();
    expect(list.themes.map((row: { name: string }) => row.name)).toEqual([]);
    const withArchive = await (await call(themesRoute.loader, get("/themas?archief=1", cookie))).json();
    expect(withArchive.themes.map((row: { name: string }) => row.name)).toEqual(["Digitalisering"]);
    const form = await (await call(newPlanRoute.loader, get(`/plannen/nieuw?thema=${theme.id}`, cookie))).json();
    expect(form.choices.themes).toEqual([]);
    expect(form.themeId).toBeUndefined();
  });
});

describe("the lists", () => {
  it("filter plans by theme, funding status and subregion, in the URL", async () => {
    const { cookie } = await signedIn("lezer");
    const digital = await makeTheme(t.db, { name: "Digitalisering", kind: "randvoorwaardelijk" });
    const care = await makeTheme(t.db, { name: "Zorgoptimalisatie" });
    const mijnstreek = await makeSubregion(t.db, "Westelijke Mijnstreek");
    await makePlan(t.db, { name: "RSO Zuid-Limburg", theme_id: digital.id, funding_markers: ["iza"] });
    await makePlan(t.db, { name: "Digitale voordeur", theme_id: digital.id, funding_markers: ["wachtlijst_iza"] });
    await makePlan(t.db, {
      name: "Palliatieve zorg Mijnstreek",
      theme_id: care.id,
      funding_markers: ["iza"],
      subregion_ids: [mijnstreek.id],
    });
    await makePlan(t.db, {
      name: "Oud plan",
      theme_id: care.id,
      funding_markers: ["iza"],
      archived_at: "2025-01-01T00:00:00.000Z",
    });
    const names = async (query: string) =>
      ((await (await call(plansRoute.loader, get(`/plannen${query}`, cookie))).json()).rows as { name: string }[]).map(
        (row) => row.name,
      );

    expect(await names("")).toEqual(["Digitale voordeur", "Palliatieve zorg Mijnstreek", "RSO Zuid-Limburg"]);
    expect(await names(`?thema=${digital.id}`)).toEqual(["Digitale voordeur", "RSO Zuid-Limburg"]);
    expect(await names("?financiering=iza")).toEqual(["Palliatieve zorg Mijnstreek", "RSO Zuid-Limburg"]);
    expect(await names(`?financiering=iza&thema=${digital.id}`)).toEqual(["RSO Zuid-Limburg"]);
    expect(await names(`?subregio=${mijnstreek.id}`)).toEqual(["Palliatieve zorg Mijnstreek"]);
    expect(await names("?archief=1&q=oud")).toEqual(["Oud plan"]);
    expect(await names("?sortering=financiering")).toEqual([
      "Palliatieve zorg Mijnstreek",
      "RSO Zuid-Limburg",
      "Digitale voordeur",
    ]);
    expect(await names("?sorteer=thema")).toEqual([
      "Digitale voordeur",
      "RSO Zuid-Limburg",
      "Palliatieve zorg Mijnstreek",
    ]);
    // an unknown value is no filter
    expect(await names("?financiering=alles&thema=abc")).toHaveLength(3);
  });

  it("pages plans 25 at a time", async () => {
    const { cookie } = await signedIn("lezer");
    const theme = await makeTheme(t.db);
    for (let n = 1; n <= 27; n += 1)
      await makePlan(t.db, { name: `Plan ${String(n).padStart(2, "0")}`, theme_id: theme.id, team_body_id: null });
    const second = await (await call(plansRoute.loader, get("/plannen?pagina=2", cookie))).json();
    expect(second.rows.map((row: { name: string }) => row.name)).toEqual(["Plan 26", "Plan 27"]);
    expect(second.page).toMatchObject({ page: 2, pages: 2, total: 27 });
  });

  it("group themes by kind with the number of their bodies and plans, and filter on kind and funding", async () => {
    const { cookie } = await signedIn("lezer");
    const enabling = await makeTheme(t.db, { name: "Arbeidsmarkt", kind: "randvoorwaardelijk" });
    const content = await makeTheme(t.db, { name: "Gezonde generatie" });
    await makeBody(t.db, { theme_id: content.id });
    await makeBody(t.db, { theme_id: content.id, archived_at: "2025-01-01T00:00:00.000Z" });
    await makePlan(t.db, { name: "Trendbreuk", theme_id: content.id, funding_markers: ["andere"], team_body_id: null });
    await makePlan(t.db, {
      name: "Kansrijke start",
      theme_id: content.id,
      funding_markers: ["iza"],
      team_body_id: null,
    });
    await makePlan(t.db, {
      name: "Zorg leert samen",
      theme_id: enabling.id,
      funding_markers: ["white_spot"],
      team_body_id: null,
    });
    const themes = async (query: string) =>
      (await (await call(themesRoute.loader, get(`/themas${query}`, cookie))).json()).themes;

    const all = await themes("");
    expect(all.map((row: { name: string; kind: string }) => [row.kind, row.name])).toEqual([
      ["inhoudelijk", "Gezonde generatie"],
      ["randvoorwaardelijk", "Arbeidsmarkt"],
    ]);
    expect(all[0]).toMatchObject({ bodyCount: 1, planCount: 2 });
    // plans in the design's order of funding status
    expect(all[0].plans.map((plan: { name: string }) => plan.name)).toEqual(["Kansrijke start", "Trendbreuk"]);

    expect((await themes("?soort=randvoorwaardelijk")).map((row: { name: string }) => row.name)).toEqual([
      "Arbeidsmarkt",
    ]);
    const andere = await themes("?financiering=andere");
    expect(andere.map((row: { name: string }) => row.name)).toEqual(["Gezonde generatie"]);
    expect(andere[0].plans.map((plan: { name: string }) => plan.name)).toEqual(["Trendbreuk"]);
  });
});

describe("the pages of a theme and a plan", () => {
  it("shows a plan's current project leaders apart from its members, vacancies included, not who left", async () => {
    const { cookie } = await signedIn("lezer");
    const plan = await makePlan(t.db, { name: "Pluswijken" });
    const today = todayInAmsterdam();
    const leader = await makePerson(t.db, { last_name: "Leider" });
    const former = await makePerson(t.db, { last_name: "Vertrokken" });
    const member = await makePerson(t.db, { last_name: "Lid" });
    const body_id = plan.team_body_id!;
    await makeSeat(t.db, { body_id, person_id: leader.id, role: "projectleider", start_date: "2025-01-01" });
    await makeSeat(t.db, {
      body_id,
      person_id: former.id,
      role: "projectleider",
      start_date: "2024-01-01",
      end_date: addDays(today, -1),
    });
    await makeSeat(t.db, { body_id, person_id: member.id, role: "lid", start_date: "2025-01-01" });
    await makeSeat(t.db, { body_id, person_id: null, role: "lid", start_date: "2025-01-01" });

    const page = await (
      await call(planRoute.loader, get(`/plannen/${plan.id}`, cookie), { planId: String(plan.id) })
    ).json();
    expect(page.plan).toMatchObject({ name: "Pluswijken", team_body_id: body_id, team_name: "Projectteam Pluswijken" });
    expect(page.projectLeaders.map((seat: { person_name: string }) => seat.person_name)).toEqual(["Test Leider"]);
    expect(page.members.map((seat: { person_name: string | null }) => seat.person_name)).toEqual(["Test Lid", null]);
    expect(page.canEdit).toBe(false);
  });

  it("shows a theme's bodies and plans", async () => {
    const { cookie } = await signedIn("redacteur");
    const theme = await makeTheme(t.db, { name: "Zorgoptimalisatie" });
    await makeBody(t.db, { name: "Themagroep zorgoptimalisatie", theme_id: theme.id, kind: "themagroep" });
    await makePlan(t.db, { name: "Beweeghuis", theme_id: theme.id });

    const page = await (
      await call(themeRoute.loader, get(`/themas/${theme.id}`, cookie), { themeId: String(theme.id) })
    ).json();
    expect(page.bodies.map((body: { name: string }) => body.name)).toEqual([
      "Projectteam Beweeghuis",
      "Themagroep zorgoptimalisatie",
    ]);
    expect(page.plans.map((plan: { name: string }) => plan.name)).toEqual(["Beweeghuis"]);
    expect(page.canEdit).toBe(true);
  });

  it("answers 404 for a theme or plan that does not exist", async () => {
    const { cookie } = await signedIn("lezer");
    expect((await call(themeRoute.loader, get("/themas/999", cookie), { themeId: "999" })).status).toBe(404);
    expect((await call(planRoute.loader, get("/plannen/abc", cookie), { planId: "abc" })).status).toBe(404);
  });
});

describe("a lezer", () => {
  it("gets 403 on every form and every action, and changes nothing", async () => {
    const { cookie } = await signedIn("lezer");
    const theme = await makeTheme(t.db, { name: "Ongewijzigd" });
    const plan = await makePlan(t.db, { theme_id: theme.id });
    const themeParams = { themeId: String(theme.id) };
    const planParams = { planId: String(plan.id) };

    const attempts: [Handler, Request, Record<string, string>][] = [
      [newThemeRoute.loader, get("/themas/nieuw", cookie), {}],
      [newThemeRoute.action, formRequest("/themas/nieuw", { name: "Nieuw", kind: "inhoudelijk" }, { cookie }), {}],
      [editThemeRoute.loader, get(`/themas/${theme.id}/bewerken`, cookie), themeParams],
      [
        editThemeRoute.action,
        formRequest(
          `/themas/${theme.id}/bewerken`,
          { intent: "save", version: 1, name: "Anders", kind: "inhoudelijk" },
          { cookie },
        ),
        themeParams,
      ],
      [
        editThemeRoute.action,
        formRequest(`/themas/${theme.id}/bewerken`, { intent: "archive", version: 1, confirm: "on" }, { cookie }),
        themeParams,
      ],
      [newPlanRoute.loader, get("/plannen/nieuw", cookie), {}],
      [
        newPlanRoute.action,
        formRequest("/plannen/nieuw", planForm({ name: "Nieuw", theme_id: theme.id }), { cookie }),
        {},
      ],
      [editPlanRoute.loader, get(`/plannen/${plan.id}/bewerken`, cookie), planParams],
      [
        editPlanRoute.action,
        formRequest(
          `/plannen/${plan.id}/bewerken`,
          planForm({ intent: "save", version: 1, name: "Anders", theme_id: theme.id }),
          { cookie },
        ),
        planParams,
      ],
      [
        editPlanRoute.action,
        formRequest(`/plannen/${plan.id}/bewerken`, { intent: "archive", version: 1, confirm: "on" }, { cookie }),
        planParams,
      ],
      [
        editPlanRoute.action,
        formRequest(`/plannen/${plan.id}/bewerken`, { intent: "undo", version: 1 }, { cookie }),
        planParams,
      ],
    ];
    for (const [handler, request, params] of attempts) {
      expect((await call(handler, request, params)).status, `${request.method} ${request.url}`).toBe(403);
    }
    expect(await t.db.selectFrom("themes").select(["name", "version"]).execute()).toEqual([
      { name: "Ongewijzigd", version: 1 },
    ]);
    expect(await planRow(plan.id)).toMatchObject({ name: plan.name, version: 1, archived_at: null });
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual([]);
  });

  it("is sent to the login page when not signed in", async () => {
    const response = await call(themesRoute.loader, get("/themas"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?next=%2Fthemas");
  });
});
