import type { home as nl } from "../nl/home";
import type { Messages } from "../shape";

export const home: Messages<typeof nl> = {
  title: "Overview",
  welcome: "Welcome, {{name}}",
  intro:
    "Kring keeps track of who takes part in the network: which organisations, which people, in which bodies, since when.",
  introRegion:
    "Kring keeps track of who takes part in the network of region {{name}}: which organisations, which people, in which bodies, since when.",
  countsHeading: "The network on {{date}}",
  counts: {
    organisations: "organisations",
    people: "people",
    bodies: "bodies",
    seats: "filled seats",
    vacancies: "vacancies",
  },
};
