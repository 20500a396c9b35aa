export const calendar = {
  title: "Agenda-abonnementen",
  page: {
    title: "Agenda-abonnement {{body}}",
    back: "Terug naar {{body}}",
    intro:
      "Met een agenda-abonnement staan de vergaderingen van {{body}} in uw eigen agenda, met de juiste tijd, en komen wijzigingen en afgelastingen vanzelf mee (meestal binnen enkele uren).",
    howTo:
      "Outlook: Agenda toevoegen → Abonneren via internet, en plak het adres. Google Agenda: Andere agenda's → + → Via URL. Apple Agenda: Archief → Nieuw agenda-abonnement, of open de link ‘Openen in uw agenda-app’.",
    secret: "Iedereen met dit adres ziet de vergaderingen zonder in te loggen. Deel het alleen met wie erbij hoort.",
    copyNow:
      "Kopieer het adres nu en bewaar het, of abonneer u er meteen op: het wordt hierna niet meer getoond. Kring bewaart alleen een onherkenbare afdruk ervan.",
    addressStart: "Het adres begint met",
    shownOnce:
      "Het volledige adres is één keer getoond, toen de link werd gemaakt. Kwijt? Vraag wie de link maakte, of laat een beheerder een nieuwe link maken (het oude adres werkt dan niet meer).",
    subscribeHeading: "Abonneren",
    address: "Adres van het abonnement",
    copy: "Adres kopiëren",
    copied: "Het adres is gekopieerd.",
    copyFailed: "Kopiëren lukte niet. Selecteer het adres en kopieer het zelf.",
    openInApp: "Openen in uw agenda-app",
    created: "Gemaakt door {{name}} op {{date}}.",
    createdUnknown: "Gemaakt op {{date}}.",
    none: "Er is nog geen abonnement voor dit gremium.",
    noneReader: "Een redacteur of beheerder kan een link maken.",
    create: "Link maken",
    manageHeading: "Link intrekken of vervangen",
    revokeText:
      "Na intrekken werkt het adres niet meer: wie erop geabonneerd is, krijgt geen vergaderingen meer. Doe dit als het adres in verkeerde handen is gekomen.",
    revokeConfirm: "Ja, trek de link van {{body}} in",
    revoke: "Intrekken",
    replaceText:
      "Een nieuwe link vervangt de huidige: het oude adres werkt dan niet meer en abonnees moeten zich opnieuw abonneren met het nieuwe adres.",
    replaceConfirm: "Ja, vervang de link van {{body}} door een nieuwe",
    replace: "Nieuwe link maken",
    notices: {
      aangemaakt: "De link is gemaakt.",
      vervangen: "Er is een nieuwe link gemaakt. Het oude adres werkt niet meer.",
      ingetrokken: "De link is ingetrokken. Het adres werkt niet meer.",
      teruggezet: "De link werkt weer.",
    },
  },
  admin: {
    intro:
      "Alle werkende adressen van agenda-abonnementen, per gremium. Wie zo'n adres heeft, ziet de vergaderingen van dat gremium zonder in te loggen; trek een adres in als het in verkeerde handen is gekomen.",
    body: "Gremium",
    createdBy: "Gemaakt door",
    createdAt: "Gemaakt op",
    addressStart: "Adres begint met",
    revokeHeading: "Intrekken",
    none: "Er zijn geen werkende agenda-abonnementen.",
    unknownUser: "onbekend",
    revokeConfirm: "Ja, trek de link van {{body}} in",
    revoke: "Intrekken",
    revoked: "De link van {{body}} is ingetrokken.",
    restored: "De link van {{body}} werkt weer.",
  },
  meeting: {
    download: "In uw agenda zetten (.ics)",
  },
  ics: {
    online: "Online:",
    page: "Meer informatie:",
    fileName: "vergadering",
  },
  errors: {
    bodyArchived: "{{body}} is gearchiveerd en krijgt geen agenda-abonnement. Zet het gremium eerst terug.",
    feedChanged:
      "Iemand anders heeft de link intussen gewijzigd. Hieronder staat de huidige stand; probeer het zo nodig opnieuw.",
    alreadyRevoked: "Deze link was al ingetrokken.",
    cannotRestore: "Deze link kan niet terugkomen: er is intussen een andere link voor dit gremium gemaakt.",
    confirmRevoke: "Vink aan dat u de link echt wilt intrekken.",
    confirmReplace: "Vink aan dat u de link echt wilt vervangen.",
  },
};
