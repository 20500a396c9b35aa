import type { lookup as nl } from "../nl/lookup";
import type { Messages } from "../shape";

export const lookup: Messages<typeof nl> = {};
