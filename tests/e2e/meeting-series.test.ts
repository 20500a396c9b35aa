import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import type { DatabaseTarget } from "../../db/engine";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const text = nl.meetingSeries;
const seeded = { cookie: "", body: 0, endingBody: 0 };

const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((result, [name, value]) => result.replaceAll(`{{${name}}}`, String(value)), template);

/** "Every second Tuesday, every two months, 6 times" from the first of January 2025, 14:00–16:00. */
async function fillSixTimesAYear(page: Page) {
  const form = page.getByRole("main");
  await form.getByLabel(text.fields.firstDate, { exact: true }).fill("2025-01-01");
  await form.getByLabel(text.frequencies.monthly, { exact: true }).check();
  await form.getByLabel(text.fields.interval, { exact: true }).fill("2");
  await form.getByLabel(text.fields.ordinal, { exact: true }).selectOption({ label: text.ordinals["2"] });
  await form.getByLabel(text.fields.weekday, { exact: true }).selectOption({ label: text.weekdays.TU });
  await form.getByLabel(text.endOptions.count, { exact: true }).check();
  await form.getByLabel(text.fields.count, { exact: true }).fill("6");
  await form.getByLabel(text.fields.startTime, { exact: true }).fill("14:00");
  await form.getByLabel(text.fields.endTime, { exact: true }).fill("16:00");
  await form.getByLabel(text.fields.location, { exact: true }).fill("Provinciehuis, Maastricht");
}

async function meetingsOf(database: DatabaseTarget, bodyId: number) {
  const db = await openMigratedDatabase(database);
  try {
    return await db
      .selectFrom("meetings")
      .select(["date", "start_time", "status", "series_id"])
      .where("body_id", "=", bodyId)
      .orderBy("date")
      .execute();
  } finally {
    await db.destroy();
  }
}

describe("planning a series of meetings in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "redacteur", name: "Rita Redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      seeded.body = (
        await makeBody(db, {
          name: "Bestuurlijke Regiegroep",
          kind: "regiegroep",
          level: "strategisch",
          active_from: "2023-01-01",
        })
      ).id;
      seeded.endingBody = (
        await makeBody(db, { name: "Werkgroep Dementie", active_from: "2024-01-01", active_to: "2025-08-31" })
      ).id;
    } finally {
      await db.destroy();
    }
  });

  it("plans every second Tuesday, every two months, six times: preview first, then the six meetings", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(`/vergaderingen/reeks?gremium=${seeded.body}`);
    await expect(page.getByLabel(text.fields.title, { exact: true }).inputValue()).resolves.toBe(
      "Bestuurlijke Regiegroep",
    );
    await fillSixTimesAYear(page);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    await act((p) => p.getByRole("button", { name: text.preview, exact: true }).click());
    const preview = page.getByRole("region", { name: fill(text.previewHeading_other, { count: 6 }) });
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain("elke 2e dinsdag van de maand, om de 2 maanden, 6 keer");
    await expect(preview.getByRole("listitem").allTextContents()).resolves.toEqual([
      "dinsdag 14 januari 2025",
      "dinsdag 11 maart 2025",
      "dinsdag 13 mei 2025",
      "dinsdag 8 juli 2025",
      "dinsdag 9 september 2025",
      "dinsdag 11 november 2025",
    ]);
    expect(await meetingsOf(env.server().database, seeded.body)).toEqual([]);

    await act((p) => p.getByRole("button", { name: text.create, exact: true }).click());
    await page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: fill(text.created.notice_other, { count: 6, body: "Bestuurlijke Regiegroep" }) })
      .waitFor();
    const meetings = await meetingsOf(env.server().database, seeded.body);
    expect(meetings.map((m) => m.date)).toEqual([
      "2025-01-14",
      "2025-03-11",
      "2025-05-13",
      "2025-07-08",
      "2025-09-09",
      "2025-11-11",
    ]);
    expect(new Set(meetings.map((m) => `${m.start_time} ${m.status} ${m.series_id}`)).size).toBe(1);
    expect(meetings[0]).toMatchObject({ start_time: "14:00", status: "gepland" });
    await expect(
      page
        .getByRole("main")
        .getByRole("link", { name: /Bestuurlijke Regiegroep, dinsdag 14 januari 2025/ })
        .count(),
    ).resolves.toBe(1);
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    expect(env.checked().errors()).toEqual([]);
  });

  it("without JavaScript: marks the days after the body's end, refuses them by name, and creates the shorter series", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await addSessionCookie(page.context(), seeded.cookie, env.server().url);
      await visit(`/vergaderingen/reeks?gremium=${seeded.endingBody}`);
      await fillSixTimesAYear(page);

      await act((p) => p.getByRole("button", { name: text.preview, exact: true }).click());
      const preview = page.getByRole("region", { name: fill(text.previewHeading_other, { count: 6 }) });
      await expect(
        preview.getByRole("listitem").filter({ hasText: text.outsidePeriod }).allTextContents(),
      ).resolves.toEqual([
        `dinsdag 9 september 2025(${text.outsidePeriod})`,
        `dinsdag 11 november 2025(${text.outsidePeriod})`,
      ]);
      await expect(page.getByLabel(text.fields.count, { exact: true }).inputValue()).resolves.toBe("6");

      await act((p) => p.getByRole("button", { name: text.create, exact: true }).click());
      await expect(page.getByRole("alert").textContent()).resolves.toContain(
        "Werkgroep Dementie is actief van 1 januari 2024 tot en met 31 augustus 2025. Deze data vallen daarbuiten: 9 september 2025, 11 november 2025.",
      );
      await expect(page.getByLabel(text.fields.location, { exact: true }).inputValue()).resolves.toBe(
        "Provinciehuis, Maastricht",
      );
      expect(await meetingsOf(env.server().database, seeded.endingBody)).toEqual([]);

      await page.getByLabel(text.fields.count, { exact: true }).fill("4");
      await act((p) => p.getByRole("button", { name: text.create, exact: true }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: fill(text.created.notice_other, { count: 4, body: "Werkgroep Dementie" }) })
        .waitFor();
      const meetings = await meetingsOf(env.server().database, seeded.endingBody);
      expect(meetings.map((m) => m.date)).toEqual(["2025-01-14", "2025-03-11", "2025-05-13", "2025-07-08"]);
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });
});
