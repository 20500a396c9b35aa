import type { responses as nl } from "../nl/responses";
import type { Messages } from "../shape";

export const responses: Messages<typeof nl> = {
  title: "Response",
};
