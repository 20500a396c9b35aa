import type { panelExports as nl } from "../nl/panelExports";
import type { Messages } from "../shape";

export const panelExports: Messages<typeof nl> = {
  title: "Panel exports",
};
