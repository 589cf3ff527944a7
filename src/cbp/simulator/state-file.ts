import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolders } from '../../files/make-folders.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * The simulator's state lives in one JSON file in its data folder. It is written to a
 * temporary file and renamed over the old one: a rename within a folder is atomic on POSIX, so
 * a crash leaves either the old state or the new one, never half of it.
 */
const FILE = 'cbp-simulator-state.json';

export async function loadState(dir: string): Promise<SimulatorState | undefined> {
  try {
    const text = await readFile(join(dir, FILE), 'utf8');
    const value = JSON.parse(text) as { version?: unknown };
    return value.version === 1 ? (value as SimulatorState) : undefined;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

let counter = 0;

export async function saveState(dir: string, state: SimulatorState): Promise<void> {
  makeFolders(dir);
  counter += 1;
  const temporary = join(dir, `${FILE}.${process.pid}.${counter}.tmp`);
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, join(dir, FILE));
}
