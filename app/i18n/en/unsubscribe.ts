import type { unsubscribe as nl } from "../nl/unsubscribe";
import type { Messages } from "../shape";

export const unsubscribe: Messages<typeof nl> = {
  title: "Unsubscribe",
};
