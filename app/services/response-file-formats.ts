/**
 * The kinds of response file Kring reads (app/services/response-files.ts), as stored in
 * panel_responses.source. Apart from the reader so that pages can list them without the CSV parser.
 */
export const RESPONSE_FORMATS = ["limesurvey-deelnemers", "limesurvey-antwoorden", "qualtrics"] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** What applying a response file to a wave did (app/models/panel-responses.server.ts applyResponses). */
export interface AppliedResponses {
  fileName: string;
  format: ResponseFormat;
  newlyStarted: number;
  newlyCompleted: number;
  /** matched members the file told nothing new about */
  unchanged: number;
  withoutToken: number;
  /** tokens of no panel at all */
  notFound: string[];
  /** tokens of another wave's panel: listed, not applied */
  otherWaves: { waveId: number; waveName: string; tokens: string[] }[];
}
