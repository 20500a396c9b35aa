import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import type { Actor } from "../models/audit.server";
import { endSeat, fillVacancy, getSeat, moveSeat, undoSeatEnd, updateSeat } from "../models/seats.server";
import { withNotice } from "./notices";
import { rosterAddress } from "./roster-address";
import { type SeatFormAnswers, seatFormAnswers } from "./seat-choices.server";
import type { SeatChoices } from "./seat-choices";
import { chosenOnSeatPage, representedBy, type SeatChange, type SeatIntent, searchesChoices } from "./seat-forms";

/** Makes the change a seat page form asks for; answers the address the reader goes to next. */
export async function changeSeat(
  db: DB,
  actor: Actor,
  seatId: number,
  change: SeatChange,
  today: string,
): Promise<string> {
  const here = `/zetels/${seatId}`;
  switch (change.intent) {
    case "save":
      await updateSeat(db, actor, seatId, change.version, { ...change, ...representedBy(change) });
      return withNotice(here, "opgeslagen");
    case "end": {
      const ended = await endSeat(db, actor, seatId, change.version, change.end_date);
      return withNotice(here, "beeindigd", { versie: ended.version });
    }
    case "undo":
      await undoSeatEnd(db, actor, seatId, change.version);
      return withNotice(here, "ongedaan");
    case "move": {
      const { seat } = await moveSeat(db, actor, seatId, change.version, change);
      return withNotice(rosterAddress(seat.body_id, change.move_date, today), "verplaatst", { id: seat.id });
    }
    case "fill": {
      const { seat } = await fillVacancy(db, actor, seatId, change.version, change);
      return withNotice(rosterAddress(seat.body_id, change.start_date, today), "vervuld", { id: seat.id });
    }
  }
}

/**
 * The answers of the seat page's form `intent` when nothing is saved (see seatFormAnswers). The
 * forms that search offer the seat's holder and organisation as choices (a seat that does not
 * exist is a 404); the others offer none.
 */
export async function seatPageAnswers(
  db: DB,
  seatId: number,
  intent: SeatIntent,
  formData: FormData,
  today: string,
  language: Language,
): Promise<SeatFormAnswers<SeatChoices | null, { intent: SeatIntent }>> {
  if (!searchesChoices(intent)) return seatFormAnswers(db, formData, language, null, { intent });
  const seat = await getSeat(db, seatId);
  if (!seat) throw new Response(null, { status: 404, statusText: "Not Found" });
  return seatFormAnswers(db, formData, language, (values) => chosenOnSeatPage(seat, values, today), { intent });
}
