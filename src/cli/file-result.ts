import type { Issue, ManifestDocument } from '../domain/index.js';

/** The outcome of validating one file: what the reports print. */
export interface FileResult {
  readonly file: string;
  /** The parsed document when the file was readable and well-shaped: used to name things. */
  readonly document: ManifestDocument | undefined;
  readonly issues: readonly Issue[];
  /** The file could not be read or was not JSON (exit code 2). */
  readonly unusable: boolean;
}
