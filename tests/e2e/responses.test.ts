import { describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie } from "../support/browser";
import { makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";
import { frozenWave, panelRegister } from "../support/panels";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const seeded = { cookie: "", waveId: 0, export: "" };

/** A day some days ago, on the Dutch calendar: the chart runs from the first response to today. */
function daysAgo(days: number): string {
  const [year, month, day] = todayInAmsterdam().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

/** LimeSurvey's "Export participants" of the frozen wave, as the survey tool writes it after a week in the field. */
function participantExport(tokens: { aalders: string; bakker: string; dekker: string }) {
  return [
    '"tid","firstname","lastname","email","emailstatus","token","language","invited","reminded","remindercount","completed","usesleft"',
    `"1","Test","Aalders","aalders@example.org","OK","${tokens.aalders}","nl","${daysAgo(7)} 09:00","N","0","${daysAgo(4)} 14:12","0"`,
    `"2","Test","Bakker","bakker@example.org","OK","${tokens.bakker}","nl","${daysAgo(7)} 09:00","N","0","${daysAgo(2)} 10:30","0"`,
    `"3","Test","Dekker","dekker@example.org","OK","${tokens.dekker}","nl","${daysAgo(7)} 09:00","${daysAgo(1)} 09:00","1","N","1"`,
  ].join("\r\n");
}

describe("responses in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker", name: "Olga Onderzoek" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const register = await panelRegister(db);
      const people = {
        aalders: await register.member("Aalders", { level: "strategisch", organisation: "ggd" }),
        bakker: await register.member("Bakker", { level: "tactisch", organisation: "welzijn" }),
        dekker: await register.member("Dekker", { level: "strategisch", organisation: "ggd" }),
      };
      await db.updateTable("people").set({ phone: "043 555 01 02" }).where("id", "=", people.dekker.id).execute();
      const wave = await frozenWave(db, user, "Meting 2025", "2025-10-01");
      seeded.waveId = wave.id;
      const members = await db
        .selectFrom("panel_members")
        .select(["person_id", "token"])
        .where("wave_id", "=", wave.id)
        .execute();
      const tokenOf = (personId: number) => members.find((m) => m.person_id === personId)!.token;
      seeded.export = participantExport({
        aalders: tokenOf(people.aalders.id),
        bakker: tokenOf(people.bakker.id),
        dekker: tokenOf(people.dekker.id),
      });
    } finally {
      await db.destroy();
    }
  });

  it("an onderzoeker uploads a LimeSurvey participant export and reads the rate per stratum", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/onderzoek/${seeded.waveId}/respons`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Respons op Meting 2025");
    await expect(page.getByText("Hoogstens 20 MB", { exact: false }).count()).resolves.toBe(1);

    await page.getByLabel(nl.responses.upload.file, { exact: true }).setInputFiles({
      name: "deelnemers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(seeded.export),
    });
    await act((p) => p.getByRole("button", { name: nl.responses.upload.submit }).click());
    const applied = page.getByTestId("applied");
    await expect(applied.textContent()).resolves.toContain("Ingelezen: deelnemers.csv");
    await expect(applied.textContent()).resolves.toContain("2 panelleden hebben nu ingevuld.");

    await expect(page.getByTestId("response-summary").textContent()).resolves.toContain("67%");
    const levels = page.getByTestId("strata-level");
    await expect(levels.getByRole("row", { name: /Strategisch/ }).textContent()).resolves.toBe("Strategisch21150%");
    await expect(levels.getByRole("row", { name: /Tactisch/ }).textContent()).resolves.toBe("Tactisch111100%");
    await expect(
      page
        .getByTestId("strata-sector")
        .getByRole("row", { name: /Welzijn/ })
        .textContent(),
    ).resolves.toBe("Welzijn111100%");
    // from the first completion (33%) four days ago to today (67%), a line per day and the same in the table
    await expect(page.getByTestId("response-chart").getAttribute("aria-label")).resolves.toMatch(
      /^Lijn van 33% op .+ naar 67% op .+\.$/,
    );
    await expect(page.getByTestId("response-days").getByRole("row").count()).resolves.toBe(1 + 5);

    // the same file again: nothing changes, and the page says so
    await page.getByLabel(nl.responses.upload.file, { exact: true }).setInputFiles({
      name: "deelnemers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(seeded.export),
    });
    await act((p) => p.getByRole("button", { name: nl.responses.upload.submit }).click());
    await expect(page.getByTestId("applied").textContent()).resolves.toContain(nl.responses.result.nothingNew);

    // the follow-up list: Dekker, who has not completed, with the phone number
    await act((p) => p.getByRole("link", { name: nl.responses.page.followUpLink }).click());
    const row = page.getByTestId("follow-up").getByRole("row", { name: /Dekker/ });
    await expect(row.textContent()).resolves.toContain("043 555 01 02");
    await expect(page.getByTestId("follow-up-count").textContent()).resolves.toBe("1 persoon");
    expect(env.checked().errors()).toEqual([]);
  });

  it("without JavaScript, a file in another format is refused with the columns found", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await addSessionCookie(noScripts.context, seeded.cookie, env.server().url);
      await visit(`/onderzoek/${seeded.waveId}/respons`);
      await page.getByLabel(nl.responses.upload.file, { exact: true }).setInputFiles({
        name: "adressen.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("naam;email\nAnna;anna@example.org\n"),
      });
      await act((p) => p.getByRole("button", { name: nl.responses.upload.submit }).click());
      const alert = page.getByRole("alert");
      await expect(alert.textContent()).resolves.toContain("Kring herkent dit bestand niet als antwoordbestand");
      await expect(alert.textContent()).resolves.toContain("Gevonden kolommen: naam, email.");
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });
});
