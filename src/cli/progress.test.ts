import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.js';
import { memoryIo } from './test-io.js';

describe('the import progress in a log (not a terminal)', () => {
  it('writes a line per phase and per tenth, and never a tenth already passed', () => {
    const { io, stderr } = memoryIo({});
    const progress = progressReporter(io, 1_000);
    progress.update({ phase: 'reading', bytes: 1_000, shipments: 0, stored: 0 });
    progress.update({ phase: 'checking', bytes: 1_000, shipments: 0, stored: 0 });
    // The count is an estimate while the file is read: it may sway by a hair across a tenth.
    progress.update({ phase: 'storing', bytes: 1_000, shipments: 1_000, stored: 100 });
    progress.update({ phase: 'storing', bytes: 1_000, shipments: 1_010, stored: 100 });
    progress.update({ phase: 'storing', bytes: 1_000, shipments: 1_010, stored: 150 });
    progress.update({ phase: 'storing', bytes: 1_000, shipments: 1_000, stored: 1_000 });
    progress.done();
    expect(stderr()).toBe(
      [
        '100% reading 0.0 MB of 0.0 MB',
        'checking the shipments',
        ' 10% storing 100 of 1,000 shipments',
        '100% storing 1,000 of 1,000 shipments',
        '',
      ].join('\n'),
    );
  });
});
