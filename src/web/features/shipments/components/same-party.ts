/**
 * Whether a shipment's shipper, consignee or broker is an address-book entry as it stands, so
 * "Save this shipper to the address book" is not offered for a party quick-assigned from it
 * (saving it made an identical second entry). Blank fields and the order of keys do not count;
 * any typed change does.
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, inner]) => [key, canonical(inner)] as const)
      .filter(([, inner]) => inner !== undefined)
      .sort(([one], [other]) => one.localeCompare(other));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value ?? undefined;
}

export function sameParty(one: unknown, other: unknown): boolean {
  return JSON.stringify(canonical(one)) === JSON.stringify(canonical(other));
}
