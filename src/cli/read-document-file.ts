import type { Issue } from '../domain/index.js';
import { parseJsonText } from '../domain/index.js';
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
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
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
      code: parsed.reason === 'too-deep' ? 'DOCUMENT_TOO_DEEP' : 'DOCUMENT_NOT_JSON',
      severity: 'error',
      path: '',
      message: `${file}:${parsed.line}:${parsed.column}: ${parsed.reason === 'too-deep' ? '' : 'not valid JSON: '}${parsed.message}.`,
    },
  };
}
