import type { bodies as nl } from "../nl/bodies";
import type { Messages } from "../shape";

export const bodies: Messages<typeof nl> = {};
