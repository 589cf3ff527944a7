/**
 * A problem's field is found from its pointer (the problem list) or from its id (a link's
 * hash, useFocusFromHash) by the same walk up to the nearest enclosing field on the page. The
 * page is a stand-in `document` with the ids a form would have; no browser is involved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldId, focusField, focusFieldId } from './field-id.js';

/** Ids in page order; querySelector knows only the `[id^="…"]` selector field-id.ts uses. */
function pageWith(...ids: string[]) {
  const focused: string[] = [];
  const element = (id: string | undefined) =>
    id === undefined
      ? null
      : {
          scrollIntoView: () => undefined,
          focus: () => focused.push(id),
        };
  vi.stubGlobal('document', {
    getElementById: (id: string) => element(ids.find((known) => known === id)),
    querySelector: (selector: string) => {
      const prefix = /^\[id\^="([^"]+)"\]$/.exec(selector)?.[1];
      if (prefix === undefined) throw new Error(`unexpected selector ${selector}`);
      return element(ids.find((known) => known.startsWith(prefix)));
    },
  });
  return focused;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('focusField and focusFieldId', () => {
  it('focus the field itself when it is on the page', () => {
    const focused = pageWith('f-consignee-name', 'f-consignee');
    expect(focusFieldId('f-consignee-name')).toBe(true);
    expect(focusField('/consignee/name')).toBe(true);
    expect(focused).toEqual(['f-consignee-name', 'f-consignee-name']);
  });

  it('walk up to the nearest enclosing field, from a pointer or from a hash alike', () => {
    const focused = pageWith('f-drivers-0');
    expect(focusField('/drivers/0/fastCardNumber')).toBe(true);
    expect(focusFieldId(fieldId('/drivers/0/fastCardNumber'))).toBe(true);
    expect(focused).toEqual(['f-drivers-0', 'f-drivers-0']);
  });

  it("go to a group's first field when the group has no element of its own", () => {
    const focused = pageWith(
      'f-hazmat',
      'f-hazmat-unNumber',
      'f-hazmat-emergencyContact-name',
      'f-hazmat-emergencyContact-phone',
    );
    expect(focusField('/hazmat/emergencyContact')).toBe(true);
    // A sibling whose pointer merely starts the same (`/commodities/10`) is not inside it.
    const others = pageWith('f-commodities-10-description', 'f-commodities');
    expect(focusField('/commodities/1')).toBe(true);
    expect(focused).toEqual(['f-hazmat-emergencyContact-name']);
    expect(others).toEqual(['f-commodities']);
  });

  it('focus nothing when no enclosing field is on the page, and never walk up other ids', () => {
    const focused = pageWith('trip', 'f-trailers');
    expect(focusFieldId('f-drivers-0-lastName')).toBe(false);
    expect(focusFieldId('trip-filing')).toBe(false);
    expect(focused).toEqual([]);
  });
});
