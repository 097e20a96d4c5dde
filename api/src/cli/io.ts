/** Where a CLI command writes; `main.ts` binds it to the process streams, tests may capture it. */
export interface CliIo {
  /** Writes to stdout as is. */
  out: (data: string | Buffer) => void;
  /** Writes one message line to stderr. */
  err: (line: string) => void;
}
