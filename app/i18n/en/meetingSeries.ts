import type { meetingSeries as nl } from "../nl/meetingSeries";
import type { Messages } from "../shape";

export const meetingSeries: Messages<typeof nl> = {
  title: "Plan a series",
};
