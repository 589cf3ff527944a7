import { describe, expect, it } from 'vitest';
import { DEFAULT_REGULATIONS } from './default-regulations.js';
import { loadRegulations } from './load-regulations.js';
import { rowsInForce } from './regulation-table.js';

function kindsInForce(at: string): string[] {
  return rowsInForce(DEFAULT_REGULATIONS.section321, new Date(at)).map((row) =>
    row.kind === 'value-limit' ? `value-limit ${row.limitUsd}` : row.kind,
  );
}

describe('the regulation table', () => {
  it('ships a default table that loads from its own JSON', () => {
    const loaded = loadRegulations(JSON.parse(JSON.stringify(DEFAULT_REGULATIONS)));
    expect(loaded).toEqual({ ok: true, table: DEFAULT_REGULATIONS });
  });

  it('raises the value limit to US$800 at midnight Eastern on 2016-03-10', () => {
    expect(kindsInForce('2016-03-09T23:59:59-05:00')).toEqual(['value-limit 200']);
    expect(kindsInForce('2016-03-10T00:00:00-05:00')).toEqual(['value-limit 800']);
  });

  it('suspends Section 321 from 12:01 a.m. Eastern on 2025-08-29, not a minute before', () => {
    expect(kindsInForce('2025-08-29T00:00:00-04:00')).not.toContain('suspended');
    expect(kindsInForce('2025-08-29T00:01:00-04:00')).toContain('suspended');
  });

  it('excludes goods of China only inside the February 2025 window, then from 2025-05-02', () => {
    expect(kindsInForce('2025-02-05T12:00:00-05:00')).toContain('origin-excluded');
    expect(kindsInForce('2025-02-08T12:00:00-05:00')).not.toContain('origin-excluded');
    expect(kindsInForce('2025-05-02T00:01:00-04:00')).toContain('origin-excluded');
  });

  it('adds the statutory repeal from 2027-07-01', () => {
    expect(kindsInForce('2027-06-30T23:59:00-04:00')).not.toContain('repealed');
    expect(kindsInForce('2027-07-01T00:00:00-04:00')).toContain('repealed');
  });

  it('locates a row whose window ends before it starts', () => {
    const loaded = loadRegulations({
      ...DEFAULT_REGULATIONS,
      section321: [
        {
          kind: 'suspended',
          from: '2025-08-29T00:01:00-04:00',
          until: '2025-01-01T00:00:00-05:00',
          source: 'test',
        },
      ],
    });
    expect(loaded).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ code: 'REGULATION_TABLE_INVALID', path: '/section321/0/until' }),
      ],
    });
  });

  it('refuses a row without a source or with an instant that has no offset', () => {
    const loaded = loadRegulations({
      ...DEFAULT_REGULATIONS,
      section321: [{ kind: 'repealed', from: '2027-07-01T00:00:00' }],
    });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.issues.map((issue) => issue.path).sort()).toEqual([
        '/section321/0/from',
        '/section321/0/source',
      ]);
    }
  });
});
