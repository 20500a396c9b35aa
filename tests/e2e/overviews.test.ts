import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import {
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  makeUser,
  sessionCookieFor,
} from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";

const text = nl.overviews;

describe("the overviews in the browser", () => {
  const seeded = { cookie: "", envidaId: 0 };
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const sector = await makeSector(db, { name_nl: "VVT", name_en: "Elderly care" });
      const envida = await makeOrganisation(db, { name: "Envida", sector_id: sector.id });
      const heerlen = await makeOrganisation(db, { name: "Gemeente Heerlen", sector_id: sector.id });
      seeded.envidaId = envida.id;
      const brgzl = await makeBody(db, {
        name: "Bestuurlijke Regiegroep",
        abbreviation: "BRGZL",
        level: "strategisch",
      });
      const werkgroep = await makeBody(db, { name: "Werkgroep Wonen", level: "operationeel" });
      const anna = await makePerson(db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
      const piet = await makePerson(db, { first_name: "Piet", last_name: "Jansen" });
      await makeSeat(db, {
        body_id: brgzl.id,
        person_id: anna.id,
        organisation_id: heerlen.id,
        role: "voorzitter",
        start_date: "2024-01-01",
      });
      await makeSeat(db, {
        body_id: werkgroep.id,
        person_id: piet.id,
        organisation_id: envida.id,
        start_date: "2024-01-01",
      });
    } finally {
      await db.destroy();
    }
  });

  it("filters the matrix by level and downloads exactly that as CSV", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/overzichten");
    await act((p) => p.getByRole("link", { name: text.matrixLink }).click());
    await page.getByRole("heading", { level: 1, name: /Organisaties × gremia/ }).waitFor();
    // the whole network is never drawn at once: the page asks for a narrowing first
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toBe(text.matrix.narrow);
    await expect(page.getByRole("columnheader").count()).resolves.toBe(0);

    await page.getByLabel(text.level).selectOption("strategisch");
    await act((p) => p.getByRole("button", { name: text.show }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("niveau")).toBe("strategisch");
    await expect(page.getByRole("rowheader").allTextContents()).resolves.toEqual([
      expect.stringContaining("Gemeente Heerlen"),
    ]);
    await expect(page.getByRole("cell", { name: "Anna van den Berg (voorzitter)" }).count()).resolves.toBe(1);

    // the link as the page offers it, fetched with the page's own session
    const href = await page.getByRole("link", { name: text.csv }).getAttribute("href");
    const download = await page.request.get(new URL(href!, page.url()).href);
    expect(download.headers()["content-disposition"]).toMatch(
      /^attachment; filename="zuid-limburg-matrix-organisaties-en-gremia-.*\.csv"/,
    );
    const csv = await download.text();
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 2),
    ).toEqual(["Organisatie;Sector;BRGZL", "Gemeente Heerlen;VVT;Anna van den Berg (voorzitter)"]);
  });

  it("shows who sits where for one organisation, picked without typing its address", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/overzichten");
    await page.getByLabel(text.chooseOrganisation, { exact: true }).selectOption({ label: "Envida" });
    await act((p) => p.getByRole("button", { name: text.open }).click());
    await page.getByRole("heading", { level: 1, name: /Envida/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/overzichten/organisaties/${seeded.envidaId}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Envida");
    await expect(page.getByRole("cell", { name: "Piet Jansen" }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: text.xlsx }).count()).resolves.toBe(1);
  });
});
