import type { waves as nl } from "../nl/waves";
import type { Messages } from "../shape";

export const waves: Messages<typeof nl> = {
  title: "Survey waves",
};
