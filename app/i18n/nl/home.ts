export const home = {
  title: "Overzicht",
  welcome: "Welkom, {{name}}",
  intro:
    "Kring houdt bij wie er in het netwerk meedoet: welke organisaties, welke mensen, in welke gremia, sinds wanneer.",
  introRegion:
    "Kring houdt bij wie er in het netwerk van regio {{name}} meedoet: welke organisaties, welke mensen, in welke gremia, sinds wanneer.",
  countsHeading: "Het netwerk op {{date}}",
  counts: {
    organisations: "organisaties",
    people: "personen",
    bodies: "gremia",
    seats: "bezette zetels",
    vacancies: "vacatures",
  },
} as const;
