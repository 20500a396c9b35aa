import type { organisations as nl } from "../nl/organisations";
import type { Messages } from "../shape";

export const organisations: Messages<typeof nl> = {};
