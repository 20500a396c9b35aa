export const unsubscribe = {
  title: "Afmelden",
  link: {
    whose: "Deze afmeldlink is van {{name}}.",
    whoseUnnamed: "Deze afmeldlink hoort bij een deelnemer aan het onderzoek van het netwerk.",
    intro: "Kies waarvoor u zich afmeldt en druk op de knop. Zolang u niet op de knop drukt, verandert er niets.",
    scope: "Waarvoor wilt u zich afmelden?",
    scopes: {
      survey: "Alleen deze vragenlijst ({{wave}})",
      research: "Alle mail voor onderzoek van het netwerk",
      news: "Nieuws van het netwerk",
    },
    alreadyExcluded: "U bent al afgemeld voor deze vragenlijst.",
    submit: "Afmelden",
  },
  done: {
    title: "U bent afgemeld",
    survey: "U krijgt geen mail meer over de vragenlijst {{wave}}, ook geen herinneringen.",
    research:
      "U krijgt geen mail meer voor onderzoek van het netwerk. Berichten die klaarstonden om verstuurd te worden, gaan niet meer weg.",
    news: "U krijgt geen nieuws van het netwerk meer.",
    unchanged: "Dit was al zo vastgelegd: er is niets veranderd.",
    undo: "Was dit een vergissing? Neem contact op met het bureau van het netwerk, dan zetten wij het terug.",
    other: "Ook afmelden voor iets anders",
  },
  invalid: {
    title: "Deze afmeldlink werkt niet",
    tampered:
      "De link is niet compleet of klopt niet. Dat gebeurt soms als een mailprogramma een lange link over twee regels verdeelt.",
    expired: "De link is verlopen.",
    fallback: "U kunt zich ook afmelden met uw e-mailadres: dan sturen wij u een nieuwe link.",
    fallbackLink: "Afmelden met uw e-mailadres",
  },
  address: {
    title: "Afmelden met uw e-mailadres",
    intro:
      "Vul het e-mailadres in waarop u mail van het netwerk krijgt. Staat het in ons register, dan sturen wij er een bericht naartoe met een link om u af te melden.",
    email: "E-mailadres",
    submit: "Stuur mij een afmeldlink",
    sent: "Als dit adres in ons register staat, hebben wij er zojuist een bericht naartoe gestuurd. Kijk ook bij uw ongewenste mail. De link in het bericht werkt {{count}} dagen.",
  },
  limited: {
    title: "Even geduld",
    text: "Vanaf uw adres zijn in korte tijd te veel verzoeken gedaan. Probeer het over een kwartier opnieuw.",
  },
  errors: {
    chooseScope: "Kies waarvoor u zich afmeldt.",
  },
  mail: {
    subject: "Uw link om u af te melden",
    greeting: "Beste {{name}},",
    greetingUnnamed: "Goedendag,",
    intro:
      "Iemand, waarschijnlijk u zelf, heeft gevraagd om u af te melden voor mail van het netwerk. Met de link hieronder kiest u waarvoor u zich afmeldt.",
    wave: "De vragenlijst {{wave}}:",
    person: "Mail voor onderzoek en nieuws van het netwerk:",
    expires: "De link werkt tot en met {{day}}.",
    notYou: "Heeft u hier niet om gevraagd? Dan hoeft u niets te doen: er verandert niets.",
    closing: "Met vriendelijke groet,",
    sender: "Het onderzoeksteam van het netwerk",
  },
} as const;
