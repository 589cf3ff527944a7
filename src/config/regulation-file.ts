/**
 * Reads a replacement regulation table from a file, for the service (`RULES_FILE`) and the CLI
 * (`--rules FILE`) alike, so both report a bad file in the same words and locate each problem
 * the same way: `FILE#/json/pointer`.
 */
import { parseJsonText } from '../domain/index.js';
import { loadRegulations, type RegulationTable } from '../rules/index.js';

/** The file cannot serve as a regulation table; the message says why and where. */
export class RegulationFileError extends Error {
  override readonly name = 'RegulationFileError';
}

export async function readRegulationFile(
  /** How the user named the file: `RULES_FILE` or `--rules`. */
  setting: string,
  file: string,
  readText: (file: string) => Promise<string>,
): Promise<RegulationTable> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new RegulationFileError(`${setting} ${file} cannot be read (${reason}).`);
  }
  const json = parseJsonText(text);
  if (!json.ok) {
    throw new RegulationFileError(
      `${setting} ${file}:${json.line}:${json.column}: not valid JSON: ${json.message}.`,
    );
  }
  const loaded = loadRegulations(json.value);
  if (loaded.ok) return loaded.table;
  const problems = loaded.issues.map((issue) => `  ${file}#${issue.path}: ${issue.message}`);
  throw new RegulationFileError(
    `${setting} ${file} is not a valid regulation table:\n${problems.join('\n')}`,
  );
}
