import { describe, expect, it } from "vitest";
import {
  chooseRecipients,
  DEFAULT_MAILING_POLICY,
  holdBackReason,
  mailingPolicyFrom,
  type MemberFacts,
} from "../../app/services/mail-recipients";

const NOW = "2026-10-20T09:00:00.000Z";
const policy = { cap: { messages: 3, days: 30 }, minDaysBetween: 7 };

let next = 1;
const member = (facts: Partial<MemberFacts> = {}): MemberFacts => ({
  panelMemberId: next,
  personId: next++,
  name: "Anna de Vries",
  organisation: "GGD",
  language: "nl",
  excluded: null,
  researchOptOut: false,
  address: "anna@example.org",
  addressBounced: false,
  completed: false,
  sent: {},
  recentResearchMessages: 0,
  ...facts,
});

const invited = { invitation: "2026-10-01T09:00:00.000Z" };

describe("who gets the invitation", () => {
  it("is every member with a usable address, not excluded, not opted out, under the cap", () => {
    expect(holdBackReason("invitation", member(), policy, NOW)).toBeNull();
    expect(holdBackReason("invitation", member({ excluded: "afgemeld via de afmeldlink" }), policy, NOW)).toBe(
      "excluded",
    );
    expect(holdBackReason("invitation", member({ researchOptOut: true }), policy, NOW)).toBe("optedOut");
    expect(holdBackReason("invitation", member({ address: null }), policy, NOW)).toBe("noAddress");
    expect(holdBackReason("invitation", member({ addressBounced: true }), policy, NOW)).toBe("bounced");
    expect(holdBackReason("invitation", member({ recentResearchMessages: 3 }), policy, NOW)).toBe("overCap");
    expect(holdBackReason("invitation", member({ recentResearchMessages: 2 }), policy, NOW)).toBeNull();
  });

  it("names the first reason when there are several", () => {
    expect(
      holdBackReason("invitation", member({ excluded: "x", researchOptOut: true, address: null }), policy, NOW),
    ).toBe("excluded");
  });
});

describe("who gets a reminder", () => {
  it("only members who got the message before it and have not completed", () => {
    expect(holdBackReason("reminder1", member(), policy, NOW)).toBe("notInvited");
    expect(holdBackReason("reminder1", member({ sent: invited }), policy, NOW)).toBeNull();
    expect(holdBackReason("reminder1", member({ sent: invited, completed: true }), policy, NOW)).toBe("completed");
    expect(holdBackReason("reminder2", member({ sent: invited }), policy, NOW)).toBe("notInvited");
    expect(
      holdBackReason("reminder2", member({ sent: { ...invited, reminder1: "2026-10-10T09:00:00.000Z" } }), policy, NOW),
    ).toBeNull();
  });

  it("no sooner than the set number of days after their previous message", () => {
    const lastWeek = { ...invited, reminder1: "2026-10-14T09:00:00.000Z" };
    expect(holdBackReason("reminder2", member({ sent: lastWeek }), policy, NOW)).toBe("tooSoon");
    expect(holdBackReason("reminder2", member({ sent: lastWeek }), { ...policy, minDaysBetween: 5 }, NOW)).toBeNull();
  });

  it("not to someone who opted out or was excluded after the invitation", () => {
    expect(holdBackReason("reminder1", member({ sent: invited, researchOptOut: true }), policy, NOW)).toBe("optedOut");
    expect(holdBackReason("reminder1", member({ sent: invited, excluded: "afgemeld" }), policy, NOW)).toBe("excluded");
  });
});

describe("who gets the thanks", () => {
  it("only members who completed", () => {
    expect(holdBackReason("thanks", member({ sent: invited }), policy, NOW)).toBe("notCompleted");
    expect(holdBackReason("thanks", member({ sent: invited, completed: true }), policy, NOW)).toBeNull();
  });
});

describe("choosing the recipients", () => {
  it("splits the members into recipients and those held back with their reason, keeping the order", () => {
    const [a, b, c] = [member(), member({ address: null }), member()];
    const chosen = chooseRecipients("invitation", [a, b, c], policy, NOW);
    expect(chosen.recipients).toEqual([a, c]);
    expect(chosen.heldBack).toEqual([{ member: b, reason: "noAddress" }]);
  });
});

describe("the mailing policy from the environment", () => {
  it("has sensible defaults and reads KRING_MAIL_CAP and KRING_REMINDER_DAYS", () => {
    expect(mailingPolicyFrom({})).toEqual(DEFAULT_MAILING_POLICY);
    expect(mailingPolicyFrom({ KRING_MAIL_CAP: "2 / 14", KRING_REMINDER_DAYS: "10" })).toEqual({
      cap: { messages: 2, days: 14 },
      minDaysBetween: 10,
    });
  });

  it("refuses a setting it cannot read, saying how it should look", () => {
    expect(() => mailingPolicyFrom({ KRING_MAIL_CAP: "vier" })).toThrow(/"4\/30"/);
    expect(() => mailingPolicyFrom({ KRING_MAIL_CAP: "0/30" })).toThrow(/KRING_MAIL_CAP/);
    expect(() => mailingPolicyFrom({ KRING_REMINDER_DAYS: "een week" })).toThrow(/KRING_REMINDER_DAYS/);
  });
});
