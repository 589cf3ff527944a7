/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** A text file (UTF-8) of at most MAX_INPUT_FILE_BYTES; a larger one is refused (EFBIG). */
  readonly readFile: (path: string) => Promise<string>;
  /** A file's bytes (a logo picture), at most MAX_INPUT_FILE_BYTES as for readFile. */
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  /**
   * A file's bytes chunk by chunk, so a large upload is never held whole; without it, commands
   * read the file with readBytes.
   */
  readonly readChunks?: (path: string) => AsyncIterable<Uint8Array>;
  /** A file's size in bytes, for a progress bar; without it, progress shows bytes read only. */
  readonly fileSize?: (path: string) => Promise<number>;
  /** Whether stderr is a terminal: a progress bar redrawn in place, else plain lines. */
  readonly stderrIsTty?: boolean;
  /**
   * Creates or replaces a file (its folder must exist): text is written as UTF-8; a stream of
   * bytes (a large export) as it comes.
   */
  readonly writeFile: (
    path: string,
    data: string | Uint8Array | AsyncIterable<Uint8Array>,
  ) => Promise<void>;
  /** Creates a folder and its parents; an existing folder is fine. */
  readonly makeDirectory: (path: string) => Promise<void>;
  /**
   * Rejects, changing nothing, when writeFile could not create or replace `path`: checked
   * before a command does work that writing the result would follow (docs/cli.md).
   */
  readonly checkWritable: (path: string) => Promise<void>;
  /** The current instant, when the user does not give --now. */
  readonly clock: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `cancel` on Ctrl-C (SIGINT) until the function returned is called, for a command
   * that can stop cleanly; a second Ctrl-C ends the process as usual.
   */
  readonly onInterrupt?: (cancel: () => void) => () => void;
}

/**
 * Exit codes shared by every command (docs/cli.md); 130 (128 + SIGINT, the shells' convention)
 * when Ctrl-C cancelled the command.
 */
export const EXIT = { ok: 0, invalid: 1, unusable: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The most a file given to a command may hold (32 MiB), as for the service's setting files. */

/** A problem with the command line that stops the command before it starts. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The command line was fine but what it points at is not (configuration, a file, the port, the
 * database): reported without the usage text, which would bury the reason.
 */
export class UnusableError extends Error {
  override readonly name = 'UnusableError';
}

/** A file's bytes in chunks: streamed when the I/O can, else read whole and cut up. */
export async function* fileChunks(io: CliIo, file: string): AsyncGenerator<Uint8Array> {
  if (io.readChunks !== undefined) {
    yield* io.readChunks(file);
    return;
  }
  const bytes = await io.readBytes(file);
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}
