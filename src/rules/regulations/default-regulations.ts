import type { RegulationTable } from './regulation-table.js';

/**
 * The regulation table as of 2026-11; each row cites its public source (docs/regulations.md). Replace it with
 * `--rules FILE` when the law moves again; docs/regulations.md explains the format.
 */
export const DEFAULT_REGULATIONS: RegulationTable = {
  edition: 'ACE eManifest rules as of 2026-11-28',
  filingLeadTime: {
    standardMinutes: 60,
    fastMinutes: 30,
    source: '19 CFR 123.92(a)',
  },
  farAheadWarningDays: 14,
  section321: [
    {
      kind: 'value-limit',
      until: '2016-03-10T00:00:00-05:00',
      limitUsd: 200,
      source: '19 U.S.C. 1321(a)(2)(C) before TFTEA; 19 CFR 10.151',
    },
    {
      kind: 'value-limit',
      from: '2016-03-10T00:00:00-05:00',
      limitUsd: 800,
      source: 'Trade Facilitation and Trade Enforcement Act of 2015, Pub. L. 114-125 §901',
      note: "CBP's release gives 10 March 2016; some vendor pages say 7 March.",
    },
    {
      kind: 'origin-excluded',
      from: '2025-02-04T00:01:00-05:00',
      until: '2025-02-07T00:00:00-05:00',
      countries: ['CN', 'HK'],
      source: 'EO 14195, suspended by EO 14200; ACE truck error 470 (CSMS #64825584)',
      note: 'De minimis withdrawn from goods of China and Hong Kong, then restored on 7 February.',
    },
    {
      kind: 'origin-excluded',
      from: '2025-05-02T00:01:00-04:00',
      countries: ['CN', 'HK'],
      source: 'EO 14256; ACE truck error 470 (CSMS #64825584)',
    },
    {
      kind: 'suspended',
      from: '2025-08-29T00:01:00-04:00',
      source: 'EO 14324; CSMS #66065494; 90 FR 42418',
      note: 'ACE rejects Section 321 manifest filings; entry type 86 is rejected.',
    },
    {
      kind: 'repealed',
      from: '2027-07-01T00:00:00-04:00',
      source: 'Pub. L. 119-21',
      note: 'Statutory repeal of de minimis for commercial shipments entered on or after this date.',
    },
  ],
};
