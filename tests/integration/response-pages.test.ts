import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWave } from "../../app/models/survey-waves.server";
import * as responsesRoute from "../../app/routes/onderzoek.$waveId_.respons";
import * as downloadRoute from "../../app/routes/onderzoek.$waveId_.respons_.download";
import * as followUpRoute from "../../app/routes/onderzoek.$waveId_.respons_.nabellen";
import * as followUpDownloadRoute from "../../app/routes/onderzoek.$waveId_.respons_.nabellen_.download";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, type TestDatabase, defaultRegionId } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
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

type ResponsesPage = Awaited<ReturnType<typeof responsesRoute.loader>> extends { json(): Promise<infer T> } ? T : never;
type UploadAnswer = responsesRoute.ResponseUploadAnswer;

/** A frozen 2025 wave of three: Aalders and Dekker (strategic, GGD), Bakker (tactical, welfare). */
async function wave() {
  const researcher = await signedIn("onderzoeker");
  const register = await panelRegister(t.db);
  const people = {
    aalders: await register.member("Aalders", { level: "strategisch", organisation: "ggd" }),
    bakker: await register.member("Bakker", { level: "tactisch", organisation: "welzijn" }),
    dekker: await register.member("Dekker", { level: "strategisch", organisation: "ggd" }),
  };
  await t.db.updateTable("people").set({ phone: "06 12 34 56 78" }).where("id", "=", people.bakker.id).execute();
  const frozen = await frozenWave(t.db, researcher.user, "Meting 2025", "2025-10-01");
  const members = await t.db
    .selectFrom("panel_members")
    .select(["person_id", "token"])
    .where("wave_id", "=", frozen.id)
    .execute();
  const tokenOf = (personId: number) => members.find((m) => m.person_id === personId)!.token;
  return { researcher, people, wave: frozen, tokenOf };
}

/** A multipart POST with one file, as the page's form sends it. */
function upload(waveId: number, cookie: string, file: { name: string; content: string } | null) {
  const body = new FormData();
  if (file) body.append("file", new File([file.content], file.name, { type: "text/csv" }));
  else body.append("file", new File([], "", { type: "application/octet-stream" }));
  return new Request(`http://localhost/onderzoek/${waveId}/respons`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost" },
    body,
  });
}

describe("the response page", () => {
  it("uploads a LimeSurvey participant export as multipart and shows what was applied, then the rates", async () => {
    const { researcher, people, wave: frozen, tokenOf } = await wave();
    const params = { waveId: String(frozen.id) };
    const content = [
      "tid,firstname,lastname,email,token,completed,usesleft",
      `1,,,,${tokenOf(people.aalders.id)},2025-10-03 14:12,0`,
      `2,,,,${tokenOf(people.bakker.id)},N,1`,
      "3,,,,nietbestaand,2025-10-03 15:00,0",
    ].join("\n");
    const response = await call(
      responsesRoute.action,
      upload(frozen.id, researcher.cookie, { name: "deelnemers.csv", content }),
      params,
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as UploadAnswer;
    expect(answer).toEqual({
      kind: "applied",
      applied: expect.objectContaining({
        fileName: "deelnemers.csv",
        newlyCompleted: 1,
        unchanged: 1,
        notFound: ["nietbestaand"],
        otherWaves: [],
      }),
    });

    const page = await call(responsesRoute.loader, get(`/onderzoek/${frozen.id}/respons`, researcher.cookie), params);
    expect(page.status).toBe(200);
    const data = (await page.json()) as ResponsesPage;
    expect(data.maxBytes).toBe(20 * 1024 * 1024);
    expect(data.total).toEqual({ members: 3, started: 1, completed: 1, rate: 1 / 3 });
    expect(data.strata.level.map((s) => [s.level, s.members, s.completed, s.rate])).toEqual([
      ["strategisch", 2, 1, 0.5],
      ["tactisch", 1, 0, 0],
    ]);
  });

  it("refuses an upload without a file, and a file in another format naming the columns found", async () => {
    const { researcher, wave: frozen } = await wave();
    const params = { waveId: String(frozen.id) };
    const none = await call(responsesRoute.action, upload(frozen.id, researcher.cookie, null), params);
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ kind: "refused", errors: { file: "responses.errors.chooseFile" } });

    const wrong = await call(
      responsesRoute.action,
      upload(frozen.id, researcher.cookie, { name: "adressen.csv", content: "naam;email\nA;a@example.org\n" }),
      params,
    );
    expect(wrong.status).toBe(400);
    const answer = (await wrong.json()) as UploadAnswer;
    expect(answer.kind).toBe("refused");
    expect(answer.kind === "refused" && answer.errors.file).toBe("responses.errors.unknownFormat?found=naam%2C+email");
  });

  it("sends a draft wave back to its page, and refuses a lezer (403)", async () => {
    const { researcher, wave: frozen } = await wave();
    const draft = await createWave(
      t.db,
      researcher.user,
      {
        name: "Meting 2026",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    const redirected = await call(responsesRoute.loader, get(`/onderzoek/${draft.id}/respons`, researcher.cookie), {
      waveId: String(draft.id),
    });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("Location")).toBe(`/onderzoek/${draft.id}`);

    const reader = await signedIn("lezer");
    const params = { waveId: String(frozen.id) };
    const path = `/onderzoek/${frozen.id}/respons`;
    expect((await call(responsesRoute.loader, get(path, reader.cookie), params)).status).toBe(403);
    expect((await call(responsesRoute.action, upload(frozen.id, reader.cookie, null), params)).status).toBe(403);
    expect((await call(downloadRoute.loader, get(`${path}/download?formaat=csv`, reader.cookie), params)).status).toBe(
      403,
    );
    expect((await call(followUpRoute.loader, get(`${path}/nabellen`, reader.cookie), params)).status).toBe(403);
    expect(
      (await call(followUpDownloadRoute.loader, get(`${path}/nabellen/download`, reader.cookie), params)).status,
    ).toBe(403);
  });
});

describe("the downloads", () => {
  it("give the rates per stratum as CSV (as the page shows them) and as XLSX", async () => {
    const { researcher, people, wave: frozen, tokenOf } = await wave();
    const params = { waveId: String(frozen.id) };
    await call(
      responsesRoute.action,
      upload(frozen.id, researcher.cookie, {
        name: "deelnemers.csv",
        content: `token,completed\n${tokenOf(people.aalders.id)},2025-10-03 14:12\n`,
      }),
      params,
    );
    const csv = await call(
      downloadRoute.loader,
      get(`/onderzoek/${frozen.id}/respons/download?formaat=csv`, researcher.cookie),
      params,
    );
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines.slice(0, 3)).toEqual([
      "Indeling;Groep;Leden;Begonnen;Ingevuld;Respons",
      "Niveau;Strategisch;2;1;1;50%",
      "Niveau;Tactisch;1;0;0;0%",
    ]);
    expect(lines).toContain("Subregio;regio Zuid-Limburg;1;0;0;0%");
    expect(lines).toContain("Gremium;Bestuurlijke Regiegroep (BRG);2;1;1;50%");

    const xlsx = await call(
      downloadRoute.loader,
      get(`/onderzoek/${frozen.id}/respons/download?formaat=xlsx`, researcher.cookie),
      params,
    );
    expect(xlsx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // a ZIP file, as every XLSX is
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    const unknown = await call(
      downloadRoute.loader,
      get(`/onderzoek/${frozen.id}/respons/download?formaat=pdf`, researcher.cookie),
      params,
    );
    expect(unknown.status).toBe(404);
  });

  it("list the non-responders on the follow-up page and in its CSV, whose download is logged", async () => {
    const { researcher, people, wave: frozen, tokenOf } = await wave();
    const params = { waveId: String(frozen.id) };
    await call(
      responsesRoute.action,
      upload(frozen.id, researcher.cookie, {
        name: "deelnemers.csv",
        content: `token,completed\n${tokenOf(people.aalders.id)},2025-10-03 14:12\n`,
      }),
      params,
    );
    const page = await call(
      followUpRoute.loader,
      get(`/onderzoek/${frozen.id}/respons/nabellen`, researcher.cookie),
      params,
    );
    expect(page.status).toBe(200);
    const data = (await page.json()) as { members: { last_name: string; phone: string | null }[] };
    expect(data.members.map((m) => [m.last_name, m.phone])).toEqual([
      ["Dekker", null],
      ["Bakker", "06 12 34 56 78"],
    ]);

    const csv = await call(
      followUpDownloadRoute.loader,
      get(`/onderzoek/${frozen.id}/respons/nabellen/download`, researcher.cookie),
      params,
    );
    expect(csv.headers.get("Content-Disposition")).toContain("nabellen-meting-2025.csv");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Naam;Organisatie;Telefoon;E-mailadres;Stand");
    expect(lines[1]).toMatch(/^Dekker, Test;GGD Zuid Limburg;;dekker-\d+@example\.org;niet begonnen$/);
    expect(lines[2]).toMatch(/^Bakker, Test;Welzijn Mijnstreek;06 12 34 56 78;bakker-\d+@example\.org;niet begonnen$/);
    const logged = await t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("summary", "=", "export_follow_up")
      .execute();
    expect(logged).toEqual([{ action: "export", after: JSON.stringify({ export: "nabellen", rows: 2 }) }]);
  });
});
