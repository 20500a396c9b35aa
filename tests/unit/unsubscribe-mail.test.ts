import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import { unsubscribeMail } from "../../app/services/unsubscribe-mail";

describe("the message with fresh unsubscribe links", () => {
  it("greets by first name and gives a link per wave, in Dutch", () => {
    const mail = unsubscribeMail(
      {
        language: "nl",
        firstName: "Anouk",
        links: [
          { wave: "Meting 2024", url: "https://kring.example.nl/afmelden/1.2.a" },
          { wave: "Meting 2025", url: "https://kring.example.nl/afmelden/3.4.b" },
        ],
        expiresOn: "2025-11-05",
        privacyLink: "https://kring.example.nl/privacy?taal=nl",
      },
      translator("nl"),
    );
    expect(mail.subject).toBe("Uw link om u af te melden");
    expect(mail.text).toBe(
      [
        "Beste Anouk,",
        "Iemand, waarschijnlijk u zelf, heeft gevraagd om u af te melden voor mail van het netwerk. Met de link hieronder kiest u waarvoor u zich afmeldt.",
        "De vragenlijst Meting 2024:\nhttps://kring.example.nl/afmelden/1.2.a",
        "De vragenlijst Meting 2025:\nhttps://kring.example.nl/afmelden/3.4.b",
        "De link werkt tot en met 5 november 2025.",
        "Heeft u hier niet om gevraagd? Dan hoeft u niets te doen: er verandert niets.",
        "Met vriendelijke groet,\nHet onderzoeksteam van het netwerk",
        "Privacyverklaring:\nhttps://kring.example.nl/privacy?taal=nl",
      ].join("\n\n") + "\n",
    );
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain(
      '<p>De vragenlijst Meting 2025:<br>\n<a href="https://kring.example.nl/afmelden/3.4.b">https://kring.example.nl/afmelden/3.4.b</a></p>',
    );
  });

  it("offers a person link without a wave, in English, and escapes what it did not write", () => {
    const mail = unsubscribeMail(
      {
        language: "en",
        firstName: "<b>Jo</b> & co",
        links: [{ wave: null, url: "https://kring.example.nl/afmelden/p7.2.c" }],
        expiresOn: "2025-11-05",
        privacyLink: "https://kring.example.nl/privacy?taal=en",
      },
      translator("en"),
    );
    expect(mail.subject).toBe("Your link to unsubscribe");
    expect(mail.text).toContain("Dear <b>Jo</b> & co,");
    expect(mail.text).toContain("Research mail and news from the network:\nhttps://kring.example.nl/afmelden/p7.2.c");
    expect(mail.text).toContain("The link works until and including 5 November 2025.");
    expect(mail.text).toContain("Privacy statement:\nhttps://kring.example.nl/privacy?taal=en");
    expect(mail.html).toContain('<a href="https://kring.example.nl/privacy?taal=en">');
    expect(mail.html).toContain("<p>Dear &lt;b&gt;Jo&lt;/b&gt; &amp; co,</p>");
    expect(mail.html).not.toContain("<b>");
  });

  it("greets without a name when the register has no first name", () => {
    const mail = unsubscribeMail(
      {
        language: "nl",
        firstName: null,
        links: [{ wave: null, url: "https://x/afmelden/p1.2.d" }],
        expiresOn: "2025-01-01",
        privacyLink: "https://x/privacy?taal=nl",
      },
      translator("nl"),
    );
    expect(mail.text.startsWith("Goedendag,\n\n")).toBe(true);
  });
});
