import type { MessageKey } from "../i18n/keys";
import type { HoldBackReason } from "./mail-recipients";

/** The message key that names each reason a member does not get a mailing. */
export const HOLD_BACK_TEXTS = {
  excluded: "mailings.heldBack.excluded",
  optedOut: "mailings.heldBack.optedOut",
  notInvited: "mailings.heldBack.notInvited",
  completed: "mailings.heldBack.completed",
  notCompleted: "mailings.heldBack.notCompleted",
  noAddress: "mailings.heldBack.noAddress",
  bounced: "mailings.heldBack.bounced",
  tooSoon: "mailings.heldBack.tooSoon",
  overCap: "mailings.heldBack.overCap",
} as const satisfies Record<HoldBackReason, MessageKey>;
