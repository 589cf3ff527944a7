import type { Issue } from '../domain/index.js';
import { parseJsonText } from '../domain/index.js';
import { MAX_INPUT_FILE_BYTES } from '../files/read-capped.js';
import type { CliIo } from './io.js';

/**
 * Reads a JSON file for a command. A missing or malformed file is reported as an issue with its
 * line and column, never as a stack trace.
 */
export type FileReading =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly issue: Issue };

export async function readJsonFile(io: CliIo, file: string): Promise<FileReading> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const reason =
      code === 'EFBIG'
        ? `EFBIG: over ${String(MAX_INPUT_FILE_BYTES / 1024 / 1024)} MiB, the most a document may be`
        : code;
    return {
      ok: false,
      issue: {
        code: 'FILE_UNREADABLE',
        severity: 'error',
        path: '',
        message: `${file} cannot be read (${reason}).`,
      },
    };
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, json: parsed.value };
  return {
    ok: false,
    issue: {
      code: PARSE_CODES[parsed.reason],
      severity: 'error',
      path: parsed.path,
      message: `${file}:${parsed.line}:${parsed.column}: ${parsed.reason === 'syntax' ? 'not valid JSON: ' : ''}${parsed.message}.`,
    },
  };
}

/** The issue code of each reason JSON text is refused, as the API's body parser says it. */
const PARSE_CODES = {
  syntax: 'DOCUMENT_NOT_JSON',
  'too-deep': 'DOCUMENT_TOO_DEEP',
  'repeated-field': 'DOCUMENT_REPEATED_FIELD',
} as const;
