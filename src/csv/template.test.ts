import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerKey, TEMPLATE_HEADERS, templateCsv } from './template.js';

describe('CSV template', () => {
  it('lists the 31 template headers (docs/csv-template.md) in a header row followed by one example row', () => {
    const lines = templateCsv().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(TEMPLATE_HEADERS.join(','));
    expect(lines[2]).toBe('');
    expect(TEMPLATE_HEADERS).toHaveLength(31);
    expect(TEMPLATE_HEADERS).toContain('Shipper State/Province');
    expect(TEMPLATE_HEADERS).toContain('Emergency Contact Email');
  });

  it('matches headers case- and space-insensitively', () => {
    expect(headerKey(' Shipment  TYPE ')).toBe(headerKey('Shipment Type'));
    expect(headerKey('ShipmentType')).toBe(headerKey('Shipment Type'));
  });

  it('is documented column by column in docs/csv-template.md', () => {
    const doc = readFileSync(new URL('../../docs/csv-template.md', import.meta.url), 'utf8');
    const missing = TEMPLATE_HEADERS.filter((header) => !doc.includes(`| \`${header}\``));
    expect(missing).toEqual([]);
  });
});
