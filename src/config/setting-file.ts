/**
 * Reads a JSON file a setting names, for the service (`RULES_FILE`, `EDI_PROFILE`) and the CLI
 * (`--rules FILE`, `--profile FILE`) alike, so every such file is refused in the same words and
 * each problem is located the same way: `FILE:line:column` for broken JSON, `FILE#/json/pointer`
 * for a value the file's schema refuses.
 */
import { parseJsonText, type Issue } from '../domain/index.js';
import { parseEdiProfile, type EdiProfile } from '../edi/index.js';
import { loadRegulations, type RegulationTable } from '../rules/index.js';
import { MAX_INPUT_FILE_BYTES } from '../files/read-capped.js';
import type { ServiceConfig } from './service-config.js';

/** The file cannot serve as what its setting asks for; the message says why and where. */
export class SettingFileError extends Error {
  override readonly name = 'SettingFileError';
}

type Checked<T> = { ok: true; value: T } | { ok: false; issues: readonly Issue[] };

async function readSettingFile<T>(
  /** How the user named the file: `RULES_FILE`, `--rules`, `EDI_PROFILE`, `--profile`. */
  setting: string,
  file: string,
  readText: (file: string) => Promise<string>,
  /** What the file must be, in words: "a valid regulation table". */
  expected: string,
  check: (json: unknown) => Checked<T>,
): Promise<T> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new SettingFileError(
      reason === 'EFBIG'
        ? `${setting} ${file} cannot be read (EFBIG: over ${String(MAX_INPUT_FILE_BYTES / 1024 / 1024)} MiB, the most a setting file may be).`
        : `${setting} ${file} cannot be read (${reason}).`,
    );
  }
  const json = parseJsonText(text);
  if (!json.ok) {
    throw new SettingFileError(
      `${setting} ${file}:${json.line}:${json.column}: ${json.reason === 'syntax' ? 'not valid JSON: ' : ''}${json.message}.`,
    );
  }
  const checked = check(json.value);
  if (checked.ok) return checked.value;
  const problems = checked.issues.map((issue) => `  ${file}#${issue.path}: ${issue.message}`);
  throw new SettingFileError(`${setting} ${file} is not ${expected}:\n${problems.join('\n')}`);
}

/** A replacement regulation table (docs/regulations.md). */
export function readRegulationFile(
  setting: string,
  file: string,
  readText: (file: string) => Promise<string>,
): Promise<RegulationTable> {
  return readSettingFile(setting, file, readText, 'a valid regulation table', (json) => {
    const loaded = loadRegulations(json);
    return loaded.ok ? { ok: true, value: loaded.table } : loaded;
  });
}

/** A replacement CBP trading-partner profile (docs/edi.md, the profile). */
export function readEdiProfileFile(
  setting: string,
  file: string,
  readText: (file: string) => Promise<string>,
): Promise<EdiProfile> {
  return readSettingFile(setting, file, readText, 'a valid EDI profile', (json) => {
    const parsed = parseEdiProfile(json);
    return parsed.ok ? { ok: true, value: parsed.profile } : parsed;
  });
}

/**
 * The files the service's settings name (RULES_FILE, EDI_PROFILE), read the same way for
 * `emanifest serve` and for the commands that work on its database; undefined where unset.
 */
export async function readServiceSettingFiles(
  config: Pick<ServiceConfig, 'rulesFile' | 'ediProfileFile'>,
  readText: (file: string) => Promise<string>,
): Promise<{
  readonly regulations: RegulationTable | undefined;
  readonly ediProfile: EdiProfile | undefined;
}> {
  return {
    regulations:
      config.rulesFile === undefined
        ? undefined
        : await readRegulationFile('RULES_FILE', config.rulesFile, readText),
    ediProfile:
      config.ediProfileFile === undefined
        ? undefined
        : await readEdiProfileFile('EDI_PROFILE', config.ediProfileFile, readText),
  };
}
