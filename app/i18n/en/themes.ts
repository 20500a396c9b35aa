import type { themes as nl } from "../nl/themes";
import type { Messages } from "../shape";

export const themes: Messages<typeof nl> = {};
