import type { meetings as nl } from "../nl/meetings";
import type { Messages } from "../shape";

export const meetings: Messages<typeof nl> = {
  kinds: {
    vergadering: "Meeting",
    brede_netwerkbijeenkomst: "Network-wide gathering",
    heisessie: "Away day",
    leerbijeenkomst: "Learning session",
    themasessie: "Theme session",
  },
  statuses: {
    gepland: "Planned",
    gehouden: "Held",
    geannuleerd: "Cancelled",
  },
  attendanceStatuses: {
    aanwezig: "Present",
    afgemeld: "Sent apologies",
    afwezig: "Absent",
    vervangen: "Replaced by",
    gast: "Guest",
  },
  errors: {
    endBeforeStart: "The end time must be after the start time.",
    outsideBodyPeriod:
      "{{body}} does not exist on that date (active from {{from}} up to and including {{to}}). Choose a date within that period.",
  },
};
