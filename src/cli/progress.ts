import type { CsvImportProgress } from '../app/index.js';
import type { CliIo } from './io.js';

/**
 * Import progress on stderr: on a terminal a bar redrawn in place; otherwise (a log, a CI job)
 * one plain line per phase and per tenth of the work, so logs stay short and readable.
 */
export interface ProgressReporter {
  readonly update: (progress: CsvImportProgress) => void;
  readonly done: () => void;
}

const WIDTH = 30;

export function progressReporter(io: CliIo, totalBytes: number | undefined): ProgressReporter {
  const tty = io.stderrIsTty === true;
  let lastLine = '';
  let lastTenth = -1;
  let lastPhase = '';
  let drawn = false;
  const fraction = (p: CsvImportProgress): number | undefined => {
    if (p.phase === 'reading') {
      return totalBytes === undefined || totalBytes === 0 ? undefined : p.bytes / totalBytes;
    }
    if (p.phase === 'storing') return p.shipments === 0 ? 1 : p.stored / p.shipments;
    return undefined;
  };
  const describe = (p: CsvImportProgress): string => {
    if (p.phase === 'reading')
      return `reading ${megabytes(p.bytes)}${totalBytes === undefined ? '' : ` of ${megabytes(totalBytes)}`}`;
    if (p.phase === 'checking') {
      // Said as the check starts, before any shipment is counted.
      return p.shipments === 0
        ? 'checking the shipments'
        : `checking ${p.shipments.toLocaleString('en-US')} shipments`;
    }
    return `storing ${p.stored.toLocaleString('en-US')} of ${p.shipments.toLocaleString('en-US')} shipments`;
  };
  return {
    update(progress) {
      const share = fraction(progress);
      if (tty) {
        const filled = share === undefined ? 0 : Math.min(WIDTH, Math.round(share * WIDTH));
        const bar =
          share === undefined
            ? ''
            : `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% `;
        const line = `${bar}${describe(progress)}`;
        if (line === lastLine) return;
        io.stderr(`\r${line.padEnd(lastLine.length)}`);
        lastLine = line;
        drawn = true;
        return;
      }
      const tenth = share === undefined ? -1 : Math.floor(share * 10);
      // An estimate that sways by a hair across a tenth would print the lower tenth again.
      if (progress.phase === lastPhase && tenth <= lastTenth) return;
      lastPhase = progress.phase;
      lastTenth = tenth;
      io.stderr(
        `${share === undefined ? '' : `${String(tenth * 10).padStart(3)}% `}${describe(progress)}\n`,
      );
    },
    done() {
      if (tty && drawn) io.stderr('\n');
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
