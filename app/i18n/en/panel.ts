import type { panel as nl } from "../nl/panel";
import type { Messages } from "../shape";

export const panel: Messages<typeof nl> = {
  title: "Panel",
};
