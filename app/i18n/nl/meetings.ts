export const meetings = {
  kinds: {
    vergadering: "Vergadering",
    brede_netwerkbijeenkomst: "Brede netwerkbijeenkomst",
    heisessie: "Heisessie",
    leerbijeenkomst: "Leerbijeenkomst",
    themasessie: "Themasessie",
  },
  statuses: {
    gepland: "Gepland",
    gehouden: "Gehouden",
    geannuleerd: "Geannuleerd",
  },
  attendanceStatuses: {
    aanwezig: "Aanwezig",
    afgemeld: "Afgemeld",
    afwezig: "Afwezig",
    vervangen: "Vervangen door",
    gast: "Gast",
  },
  errors: {
    endBeforeStart: "De eindtijd moet na de begintijd liggen.",
    outsideBodyPeriod:
      "{{body}} bestaat op die datum niet (actief van {{from}} tot en met {{to}}). Kies een datum binnen die periode.",
  },
};
