import { describe, expect, it } from "vitest";
import {
  type Addressee,
  greeting,
  type MessageValues,
  unknownPlaceholders,
  writeMessage,
} from "../../app/services/mail-messages";

const anna: Addressee = {
  firstName: "Anna",
  infix: "van den",
  lastName: "Berg",
  salutation: "mevrouw",
  organisation: "GGD Zuid Limburg",
  language: "nl",
};

const values = (addressee: Partial<Addressee> = {}): MessageValues => ({
  addressee: { ...anna, ...addressee },
  surveyLink: "https://enquete.example.nl/s/123?token=abc&lang=nl",
  unsubscribeLink: "https://kring.example.nl/afmelden/1.2.sig",
  privacyLink: "https://kring.example.nl/privacy?taal=nl",
  closingDate: "31 januari 2027",
});

describe("the placeholders of a message", () => {
  it("are all known, or named when not, each once", () => {
    expect(unknownPlaceholders("{aanhef}, vul {link} in vóór {sluitingsdatum}. {afmeldlink}")).toEqual([]);
    expect(unknownPlaceholders("{aanhef} {voornam} {token} {voornam}")).toEqual(["voornam", "token"]);
  });

  it("leave braces around other text alone", () => {
    expect(unknownPlaceholders("Een { losse accolade } en {} en {{link}}")).toEqual([""]);
  });
});

describe("the greeting", () => {
  it("is formal with the register's salutation, the tussenvoegsel capitalised without a first name", () => {
    expect(greeting(anna)).toBe("Geachte mevrouw Van den Berg");
    expect(greeting({ ...anna, salutation: "de heer", infix: null, lastName: "Jansen" })).toBe("Geachte heer Jansen");
    expect(greeting({ ...anna, language: "en" })).toBe("Dear Ms Van den Berg");
    expect(greeting({ ...anna, language: "en", salutation: "de heer" })).toBe("Dear Mr Van den Berg");
  });

  it("is by first name without a salutation, by the whole name without a first name", () => {
    expect(greeting({ ...anna, salutation: null })).toBe("Beste Anna");
    expect(greeting({ ...anna, salutation: null, language: "en" })).toBe("Dear Anna");
    expect(greeting({ ...anna, salutation: null, firstName: null })).toBe("Beste van den Berg");
  });
});

describe("one member's message", () => {
  const template = {
    subject: "Uw mening over {organisatie}",
    body: "{aanhef},\n\nVul de vragenlijst in:\n{link}\n\nVóór {sluitingsdatum}.\n\nAfmelden: {afmeldlink}",
  };

  it("fills in every placeholder in the subject and the text part", () => {
    const message = writeMessage(template, values());
    expect(message.subject).toBe("Uw mening over GGD Zuid Limburg");
    expect(message.text).toBe(
      "Geachte mevrouw Van den Berg,\n\nVul de vragenlijst in:\nhttps://enquete.example.nl/s/123?token=abc&lang=nl\n\n" +
        "Vóór 31 januari 2027.\n\nAfmelden: https://kring.example.nl/afmelden/1.2.sig\n\n" +
        "Privacyverklaring: https://kring.example.nl/privacy?taal=nl\n",
    );
  });

  it("ends with the privacy statement's link in the member's language, whatever the template says", () => {
    const english = writeMessage({ subject: "Survey", body: "{aanhef},\n\n{link}\n\n" }, values({ language: "en" }));
    expect(english.text).toMatch(/\n\nPrivacy statement: https:\/\/kring\.example\.nl\/privacy\?taal=nl\n$/);
    expect(english.html).toContain('<p><a href="https://kring.example.nl/privacy?taal=nl">Privacy statement</a></p>');
  });

  it("writes the same text as HTML: paragraphs, lines, the links as links, everything escaped", () => {
    const message = writeMessage(template, values({ organisation: "<script>x</script> & Co" }));
    expect(message.html).toContain("<p>Geachte mevrouw Van den Berg,</p>");
    expect(message.html).toContain(
      '<p>Vul de vragenlijst in:<br>\n<a href="https://enquete.example.nl/s/123?token=abc&amp;lang=nl">' +
        "https://enquete.example.nl/s/123?token=abc&amp;lang=nl</a></p>",
    );
    expect(message.html).toContain('<a href="https://kring.example.nl/afmelden/1.2.sig">');
    expect(message.html).toContain('<html lang="nl">');
    expect(message.html).not.toContain("<script>");
    expect(message.subject).toBe("Uw mening over <script>x</script> & Co");
    expect(message.html).toContain("<title>Uw mening over &lt;script&gt;x&lt;/script&gt; &amp; Co</title>");
  });

  it("keeps text typed in the template as text, also when it looks like markup", () => {
    const message = writeMessage({ subject: "a\nb", body: "<b>vet</b> {voornaam}" }, values());
    expect(message.subject).toBe("a b");
    expect(message.html).toContain("<p>&lt;b&gt;vet&lt;/b&gt; Anna</p>");
  });
});
