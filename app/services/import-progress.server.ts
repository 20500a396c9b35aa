/**
 * How far a preview or an import of this server process has come, for the progress bar. Kept in
 * memory: it changes hundreds of times a second and an import's own rows are invisible outside its
 * transaction until it commits. A page served by another server (PostgreSQL, several servers) sees
 * only the batch's status, and shows the bar without a figure.
 */
export interface ImportProgress {
  phase: "preview" | "import";
  done: number;
  total: number;
}

const running = new Map<number, ImportProgress>();

export function reportImportProgress(batchId: number, progress: ImportProgress): void {
  running.set(batchId, progress);
}

export function endImportProgress(batchId: number): void {
  running.delete(batchId);
}

export function importProgress(batchId: number): ImportProgress | null {
  return running.get(batchId) ?? null;
}

/** Lets the server answer other requests (the progress page's polls) between chunks of work. */
export const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));
