import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makePerson, makeSeat, makeUser } from "../support/db";
import { useBrowser } from "../support/e2e";
import { makeAttendance, makeMeeting } from "../support/meetings";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const editor = { email: "redactie@example.org", password: "een lange zin als wachtwoord" };
/** What the seed made: filled in once the server has started. */
const ids = { body: 0, recordedMeeting: 0 };

interface TestedPage {
  page: Page;
  visit: (pathname: string) => Promise<unknown>;
  act: (action: (page: Page) => Promise<unknown>) => Promise<void>;
}

async function signIn({ visit, act, page }: TestedPage) {
  await visit("/login");
  await page.getByLabel(nl.auth.fields.email, { exact: true }).fill(editor.email);
  await page.getByLabel(nl.auth.fields.password, { exact: true }).fill(editor.password);
  await act((p) => p.getByRole("button", { name: nl.auth.login.submit }).click());
  await page.getByRole("heading", { level: 1 }).waitFor();
}

const field = (page: Page, label: string) => page.getByRole("main").getByLabel(label, { exact: true });

describe("meetings in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      await makeUser(db, { role: "redacteur", name: "Rita Redactie", ...editor });
      const body = await makeBody(db, {
        name: "Coalitie Mijnstreek",
        kind: "coalitie",
        level: "tactisch",
        active_from: "2024-01-01",
      });
      const anna = await makePerson(db, { first_name: "Anna", last_name: "Aerts" });
      const bram = await makePerson(db, { first_name: "Bram", last_name: "Bos" });
      await makeSeat(db, { body_id: body.id, person_id: anna.id, start_date: "2024-01-01" });
      await makeSeat(db, { body_id: body.id, person_id: bram.id, start_date: "2024-01-01", end_date: "2025-05-31" });
      const recorded = await makeMeeting(db, {
        body_id: body.id,
        date: "2025-05-20",
        title: "Coalitie mei",
        status: "gehouden",
      });
      await makeAttendance(db, { meeting_id: recorded.id, person_id: anna.id, status: "aanwezig" });
      await makeAttendance(db, { meeting_id: recorded.id, person_id: bram.id, status: "afgemeld" });
      Object.assign(ids, { body: body.id, recordedMeeting: recorded.id });
    } finally {
      await db.destroy();
    }
  });

  it("plans a meeting from the body's page and shows it on the list and its own page", async () => {
    const checked = env.checked();
    const { page, visit, act } = checked;
    await signIn(checked);
    await visit(`/gremia/${ids.body}`);
    await act((p) => p.getByRole("link", { name: nl.meetings.body.plan }).click());
    await page.getByRole("heading", { level: 1, name: nl.meetings.create.meetingTitle }).waitFor();
    await expect(field(page, nl.meetings.fields.body).inputValue()).resolves.toBe(String(ids.body));
    await field(page, nl.meetings.fields.title).fill("Coalitie maart");
    await field(page, nl.meetings.fields.date).fill("2030-03-12");
    await field(page, nl.meetings.fields.startTime).fill("14:00");
    await field(page, nl.meetings.fields.endTime).fill("16:30");
    await field(page, nl.meetings.fields.location).fill("Stadhuis Sittard");
    await field(page, nl.meetings.fields.agenda).fill("1. Opening\n2. Jaarplan");
    await act((p) => p.getByRole("button", { name: nl.meetings.create.submitMeeting }).click());

    await page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: nl.meetings.detail.notices.aangemaakt })
      .waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Coalitie maart");
    const facts = await page.getByRole("main").locator("dl").first().textContent();
    expect(facts).toMatch(/Coalitie Mijnstreek.*12 maart 2030.*14:00–16:30.*Stadhuis Sittard.*Gepland/);

    await visit("/vergaderingen");
    const row = page.getByRole("row").filter({ hasText: "Coalitie maart" });
    await expect(row.textContent()).resolves.toMatch(
      /12 maart 2030.*14:00–16:30.*Coalitie Mijnstreek.*Coalitie maart.*Gepland/,
    );
    // the held meeting of May 2025 is past: on the other tab
    await expect(page.getByRole("row").filter({ hasText: "Coalitie mei" }).count()).resolves.toBe(0);
    await act((p) => p.getByRole("link", { name: nl.meetings.list.timeframes.afgelopen }).click());
    await expect(page.getByRole("row").filter({ hasText: "Coalitie mei" }).count()).resolves.toBe(1);

    await visit(`/gremia/${ids.body}`);
    await act((p) => p.getByRole("link", { name: "12 maart 2030" }).click());
    await page.getByRole("heading", { level: 1, name: "Coalitie maart" }).waitFor();
    expect(checked.errors()).toEqual([]);
  });

  it("plans a network event for an invited body, cancels it with confirmation and undoes that", async () => {
    const checked = env.checked();
    const { page, visit, act } = checked;
    await signIn(checked);
    await visit("/vergaderingen");
    await act((p) => p.getByRole("link", { name: nl.meetings.list.newEvent }).click());
    await page.getByRole("heading", { level: 1, name: nl.meetings.create.eventTitle }).waitFor();
    await field(page, nl.meetings.fields.title).fill("Leerbijeenkomst samenwerking");
    await field(page, nl.meetings.fields.date).fill("2030-06-18");
    await field(page, nl.meetings.fields.kind).selectOption({ label: nl.meetings.kinds.leerbijeenkomst });
    await act((p) => p.getByRole("button", { name: nl.meetings.create.submitEvent }).click());
    // checked in the browser before anything is sent
    await expect(page.getByText(nl.meetings.errors.noInvitations).count()).resolves.toBe(1);
    await page.getByRole("group", { name: nl.meetings.fields.invitedBodies }).getByLabel("Coalitie Mijnstreek").check();
    await act((p) => p.getByRole("button", { name: nl.meetings.create.submitEvent }).click());
    await page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: nl.meetings.detail.notices.aangemaakt })
      .waitFor();
    await expect(page.getByRole("region", { name: nl.meetings.detail.invitations }).textContent()).resolves.toContain(
      "Coalitie Mijnstreek",
    );

    await act((p) => p.getByRole("link", { name: nl.meetings.detail.edit }).click());
    await act((p) => p.getByRole("button", { name: nl.meetings.edit.cancelSubmit }).click());
    await expect(page.getByText(nl.meetings.errors.confirmCancel).count()).resolves.toBe(1);
    await page.getByLabel(/Ja, annuleer Leerbijeenkomst samenwerking op 18 juni 2030/).check();
    await act((p) => p.getByRole("button", { name: nl.meetings.edit.cancelSubmit }).click());
    const notice = page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: "Leerbijeenkomst samenwerking is geannuleerd." });
    await notice.waitFor();
    await act(() => notice.getByRole("button", { name: nl.common.form.undo }).click());
    await page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: "Leerbijeenkomst samenwerking is niet meer geannuleerd." })
      .waitFor();
    await expect(page.getByRole("button", { name: nl.meetings.edit.markHeld }).count()).resolves.toBe(1);
    expect(checked.errors()).toEqual([]);
  });

  it("without JavaScript, keeps what was typed when refusing a meeting that ends before it starts", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await signIn(noScripts);
      await visit(`/vergaderingen/nieuw?gremium=${ids.body}`);
      await field(page, nl.meetings.fields.title).fill("Coalitie april");
      await field(page, nl.meetings.fields.date).fill("2030-04-09");
      await field(page, nl.meetings.fields.startTime).fill("15:00");
      await field(page, nl.meetings.fields.endTime).fill("13:00");
      await field(page, nl.meetings.fields.location).fill("Gemeentehuis Beek");
      await act((p) => p.getByRole("button", { name: nl.meetings.create.submitMeeting }).click());

      await expect(page.getByRole("alert").textContent()).resolves.toContain(nl.meetings.errors.endBeforeStart);
      await expect(field(page, nl.meetings.fields.title).inputValue()).resolves.toBe("Coalitie april");
      await expect(field(page, nl.meetings.fields.location).inputValue()).resolves.toBe("Gemeentehuis Beek");
      await expect(field(page, nl.meetings.fields.endTime).inputValue()).resolves.toBe("13:00");
      await expect(field(page, nl.meetings.fields.body).inputValue()).resolves.toBe(String(ids.body));

      await field(page, nl.meetings.fields.endTime).fill("17:00");
      await act((p) => p.getByRole("button", { name: nl.meetings.create.submitMeeting }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: nl.meetings.detail.notices.aangemaakt })
        .waitFor();
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });

  it("without JavaScript, asks what to do with the register when the date moves, naming who left the roster", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await signIn(noScripts);
      await visit(`/vergaderingen/${ids.recordedMeeting}/bewerken`);
      await field(page, nl.meetings.fields.date).fill("2025-06-03");
      await field(page, nl.meetings.fields.minutes).fill("Verplaatst wegens Pinksteren");
      await act((p) => p.getByRole("button", { name: nl.meetings.edit.submit }).click());

      await expect(page.getByRole("alert").textContent()).resolves.toContain(
        "Voor deze vergadering is al presentie vastgelegd (2 in de presentielijst)",
      );
      const question = page.getByRole("radiogroup", { name: nl.meetings.edit.decisionLegend });
      await expect(question.count()).resolves.toBe(1);
      await expect(page.getByRole("main").getByText("Niet op de samenstelling van 3 juni 2025").count()).resolves.toBe(
        1,
      );
      await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: "Bram Bos" }).count()).resolves.toBe(
        1,
      );
      await expect(field(page, nl.meetings.fields.minutes).inputValue()).resolves.toBe("Verplaatst wegens Pinksteren");

      await question.getByLabel(nl.meetings.edit.decisionClear).check();
      await act((p) => p.getByRole("button", { name: nl.meetings.edit.submit }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: nl.meetings.detail.notices.gewijzigd })
        .waitFor();
      await expect(page.getByText(nl.meetings.detail.attendanceNone).count()).resolves.toBe(1);
      await expect(page.getByText("3 juni 2025").count()).resolves.toBeGreaterThan(0);
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });
});
