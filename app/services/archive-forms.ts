import { z } from "zod";
import { checkbox, positiveInt } from "./form-data";
import type { MessageKey } from "../i18n/keys";

/**
 * The archive and restore forms every register record shares. Archiving needs a ticked box (a
 * confirmation that works without JavaScript), refused with the record kind's own message.
 */
export function archiveSchemas(confirmMessageKey: MessageKey) {
  return {
    archive: z.object({
      intent: z.literal("archive"),
      version: positiveInt(),
      confirm: checkbox().refine((ticked) => ticked, confirmMessageKey),
    }),
    restore: z.object({ intent: z.literal("restore"), version: positiveInt() }),
  };
}

export type ArchiveSchemas = ReturnType<typeof archiveSchemas>;
