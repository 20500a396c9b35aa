import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { panelRulesSchema } from "../../app/services/panel-rules-schema";
import { openMigratedDatabase } from "../../db/index";
import {
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  sessionCookieFor,
  defaultRegionId,
} from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeAffiliation } from "../support/people";

const seeded = { cookie: "", waveId: 0 };

describe("previewing and freezing a panel in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const organisation = await makeOrganisation(db, { name: "GGD Zuid Limburg" });
      const strategic = await makeBody(db, { name: "Bestuurlijke Regiegroep", level: "strategisch" });
      const tactical = await makeBody(db, { name: "Beleidsadviesteam", level: "tactisch" });
      const anna = await makePerson(db, { first_name: "Anna", last_name: "Aalders", email: "anna@example.org" });
      const bram = await makePerson(db, { first_name: "Bram", last_name: "Bakker", email: "bram@example.org" });
      for (const person of [anna, bram])
        await makeAffiliation(db, { person_id: person.id, organisation_id: organisation.id });
      await makeSeat(db, {
        body_id: strategic.id,
        person_id: anna.id,
        organisation_id: organisation.id,
        role: "voorzitter",
        start_date: "2024-01-01",
      });
      await makeSeat(db, {
        body_id: tactical.id,
        person_id: anna.id,
        organisation_id: organisation.id,
        start_date: "2024-01-01",
      });
      await makeSeat(db, {
        body_id: tactical.id,
        person_id: bram.id,
        organisation_id: organisation.id,
        start_date: "2024-01-01",
      });
      const wave = await db
        .insertInto("survey_waves")
        .values({
          region_id: await defaultRegionId(db),
          name: "Meting 2025",
          year: 2025,
          reference_date: "2025-10-01",
          link_template: "https://enquete.example.org/s/{token}",
          rules: JSON.stringify(panelRulesSchema.parse({ seatRules: [{ levels: ["strategisch", "tactisch"] }] })),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      seeded.waveId = wave.id;
    } finally {
      await db.destroy();
    }
  });

  it("shows each person once with every reason, freezes after confirmation, and downloads the LimeSurvey file", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/onderzoek/${seeded.waveId}/voorbeeld`);
    const members = page.getByRole("region", { name: nl.waves.preview.members });
    await expect(members.getByRole("row").count()).resolves.toBe(3);
    const anna = members.getByRole("row", { name: /Anna Aalders/ });
    await expect(anna.getByRole("listitem").allTextContents()).resolves.toEqual([
      "voorzitter in Bestuurlijke Regiegroep",
      "lid in Beleidsadviesteam",
    ]);

    await act((p) => p.getByRole("button", { name: nl.waves.preview.freeze }).click());
    await expect(page.getByText(nl.waves.preview.confirmRequired).first().isVisible()).resolves.toBe(true);
    await page.getByLabel(/Ik wil dit panel van 2 personen bevriezen/).check();
    await act((p) => p.getByRole("button", { name: nl.waves.preview.freeze }).click());
    await expect(page.getByRole("main").getByRole("status").textContent()).resolves.toContain(nl.waves.wave.frozen);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: nl.panelExports.kinds.limesurvey.label }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const csv = readFileSync(path, "utf8").split(/\r?\n/);
    expect(csv[0]).toMatch(/^firstname,lastname,email,token,language/);
    expect(csv.filter((line) => line.includes("@example.org"))).toHaveLength(2);
  });
});
