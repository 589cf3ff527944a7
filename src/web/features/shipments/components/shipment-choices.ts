/** Choice lists of the shipment page, from the code lists (src/codes). */
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { subdivisionsOf } from '../../../../codes/countries.js';
import { SHIPMENT_TYPES } from '../../../../codes/simple-lists.js';

/** PAPS first (the list's order, and the default), Section 321 and every other ACE type. */
export const shipmentTypeChoices = SHIPMENT_TYPES.map((row) => ({
  value: row.code,
  label: row.name,
}));

const countries = [
  ['CA', 'Canada'],
  ['US', 'United States'],
  ['MX', 'Mexico'],
] as const;

const seen = new Set<string>();
export const provinceChoices: ComboboxItemGroup<ComboboxItem>[] = countries.map(
  ([country, name]) => ({
    group: name,
    items: (subdivisionsOf(country) ?? [])
      .filter((subdivision) => {
        if (seen.has(subdivision.code)) return false;
        seen.add(subdivision.code);
        return true;
      })
      .map((subdivision) => ({
        value: subdivision.code,
        label: `${subdivision.name} (${subdivision.code})`,
      })),
  }),
);
