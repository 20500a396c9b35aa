import type { calendar as nl } from "../nl/calendar";
import type { Messages } from "../shape";

export const calendar: Messages<typeof nl> = {
  title: "Calendar subscriptions",
};
