import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makeBody, makeOrganisation, makeSector, makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";

const text = nl.import;
const seeded = { cookie: "" };

/** Windows-1252 as Excel on Windows saves "CSV (puntkomma)": é and ë one byte each. */
function windows1252(content: string): Buffer {
  const table: Record<string, number> = { é: 0xe9, ë: 0xeb, ï: 0xef };
  return Buffer.from([...content].map((c) => table[c] ?? c.charCodeAt(0)));
}

/** 500 people of the office's list, with their organisation and a seat; `broken` puts three mistakes in. */
function officeList(broken: boolean): Buffer {
  const lines = ["Voornaam;Tussenvoegsel;Achternaam;E-mail;Organisatie;Functie;Gremium;Rol;Vanaf"];
  for (let i = 1; i <= 500; i += 1) {
    const email = broken && i === 10 ? "zoë.brouwër@" : `lid${i}@voorbeeld.nl`;
    const start = broken && i === 20 ? "31-02-2025" : "01-03-2025";
    const body = broken && i === 30 ? "Stuurgroep Onbekend" : "Regiegroep";
    const organisation = i % 2 === 0 ? "MUMC+" : "GGD ZL";
    lines.push(`Zoë;van;Brouwër ${i};${email};${organisation};adviseur;${body};lid;${start}`);
  }
  return windows1252(`${lines.join("\r\n")}\r\n`);
}

describe("importing the office's spreadsheet, from the people list", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "redacteur", email: "redactie@example.org" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const overig = await makeSector(db, { code: "overig" });
      await makeOrganisation(db, { name: "Maastricht UMC+", short_name: "MUMC+", sector_id: overig.id });
      await makeOrganisation(db, { name: "GGD Zuid Limburg", sector_id: overig.id });
      await makeBody(db, { name: "Regiegroep" });
    } finally {
      await db.destroy();
    }
  });

  async function uploadAndPreview(file: Buffer) {
    const { page, visit, act } = env.checked();
    await visit("/personen");
    await act((p) => p.getByRole("link", { name: text.openImport }).click());
    await page.getByRole("heading", { level: 1, name: text.title }).waitFor();
    await page
      .getByLabel(text.upload.file)
      .setInputFiles({ name: "deelnemers.csv", mimeType: "text/csv", buffer: file });
    await act((p) => p.getByRole("button", { name: text.upload.submit }).click());
    await page.getByText(text.notices.uploaded).waitFor();
    // on a busy machine the upload's answer can come after the click's settle: check the page it led to
    await act(() => Promise.resolve());
    await page.getByText("Tekens gelezen als Windows-1252, scheidingsteken „;”.").waitFor();
    // the headers were recognised: the mapping needs no change
    expect(await page.getByLabel("Veld voor kolom Achternaam").inputValue()).toBe("last_name");
    expect(await page.getByLabel("Veld voor kolom Gremium").inputValue()).toBe("body");
    await act((p) => p.getByRole("button", { name: text.mapping.submit }).click());
    await page.getByRole("heading", { level: 2, name: text.preview.heading }).waitFor({ timeout: 20_000 });
    await act(() => Promise.resolve());
  }

  it("shows the deliberate errors, imports the fixed file whole, undoes it and imports it again", async () => {
    const { page, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);

    await uploadAndPreview(officeList(true));
    await page.getByText(/500 rijen: 3 met fouten/).waitFor();
    await page.getByText(text.preview.blocked).waitFor();
    expect(await page.getByRole("button", { name: text.confirm.submit }).count()).toBe(0);
    await act((p) => p.getByRole("link", { name: text.preview.onlyProblems }).click());
    const rows = page.getByRole("table", { name: text.preview.caption }).getByRole("row");
    // three rows with an error, and the first rows naming each organisation, which is not in the region yet
    expect(await rows.count()).toBe(6);
    await page
      .getByText("kolom „Organisatie”: GGD Zuid Limburg wordt ook aan regio Zuid-Limburg gekoppeld", { exact: false })
      .waitFor();
    await page.getByText("kolom „E-mail”: „zoë.brouwër@” is geen geldig e-mailadres").waitFor();
    await page.getByText("kolom „Vanaf”: „31-02-2025” is geen datum (gebruik dd-mm-jjjj)").waitFor();
    await page.getByText("kolom „Gremium”: het gremium „Stuurgroep Onbekend” staat niet in het register").waitFor();
    // the rows are named as the spreadsheet numbers them (the header is row 1)
    expect(await rows.nth(3).getByRole("rowheader").textContent()).toBe("11");

    await uploadAndPreview(officeList(false));
    await page.getByText(/500 rijen: 0 met fouten/).waitFor();
    // what each name was linked to
    await page.getByRole("link", { name: "Organisatie → Maastricht UMC+" }).first().waitFor();
    await page.getByRole("link", { name: "Organisatie → GGD Zuid Limburg" }).first().waitFor();
    await page.getByText("Achternaam → Zoë van Brouwër 1 (nieuw)").waitFor();
    await page.getByLabel(text.confirm.label).check();
    await act((p) => p.getByRole("button", { name: text.confirm.submit }).click());
    await page.getByRole("heading", { level: 2, name: text.result.heading }).waitFor({ timeout: 30_000 });
    await act(() => Promise.resolve());
    await page.getByText("Aangemaakt: 0 organisaties, 500 personen, 500 functies en 500 zetels.").waitFor();

    await page.getByLabel(text.undo.label).check();
    await act((p) => p.getByRole("button", { name: text.undo.submit }).click());
    await page.getByText(text.notices.undone).waitFor();

    await uploadAndPreview(officeList(false));
    await page.getByText(/500 rijen: 0 met fouten/).waitFor();
    await page.getByLabel(text.confirm.label).check();
    await act((p) => p.getByRole("button", { name: text.confirm.submit }).click());
    await page.getByRole("heading", { level: 2, name: text.result.heading }).waitFor({ timeout: 30_000 });
    await act(() => Promise.resolve());

    // the history lists the three uploads; the people list finds the accents as written
    await act((p) => p.getByRole("link", { name: text.batch.back }).click());
    const history = page.getByRole("table", { name: text.history.caption });
    expect(await history.getByRole("row").count()).toBe(4);
    await history.getByText(text.statuses.undone).waitFor();
    const db = await openMigratedDatabase(env.server().database);
    try {
      const people = await db.selectFrom("people").select("last_name").where("first_name", "=", "Zoë").execute();
      expect(people).toHaveLength(500);
      expect(people.map((p) => p.last_name)).toContain("Brouwër 250");
    } finally {
      await db.destroy();
    }
  });
});
