import type { overviews as nl } from "../nl/overviews";
import type { Messages } from "../shape";

export const overviews: Messages<typeof nl> = {};
