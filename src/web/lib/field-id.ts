/**
 * Issues point at fields with JSON Pointers (`/truck/licensePlates/0/number`); each input
 * carries the id made from its pointer, so a problem in a list can take the user to its field.
 */
import type { Issue } from './api-types';

export function fieldId(pointer: string): string {
  return `f${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * Focuses the field a pointer names, or its nearest enclosing one on the page (a problem
 * about a whole driver goes to the driver's first field). True when something was focused.
 */
export function focusField(pointer: string): boolean {
  return focusFieldId(fieldId(pointer));
}

/**
 * The same walk from a field's id (a problem's link, `/shipments/x#f-consignee-name`): ids nest
 * as pointers do, so `f-drivers-0-firstName` is inside `f-drivers-0`. A problem about a group
 * that has no element of its own (a hazmat commodity's emergency contact: name, phone and
 * e-mail) goes to the group's first field. An id that is not a field's is focused only when it
 * is on the page.
 */
export function focusFieldId(id: string): boolean {
  let at = id;
  for (;;) {
    const element = document.getElementById(at) ?? firstFieldInside(at);
    if (element !== null) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return true;
    }
    if (!at.startsWith('f-')) return false;
    at = at.slice(0, at.lastIndexOf('-'));
  }
}

/** The first field, in page order, whose pointer is under the field id `at` (ids are [A-Za-z0-9-]). */
function firstFieldInside(at: string): HTMLElement | null {
  if (!at.startsWith('f-')) return null;
  return document.querySelector<HTMLElement>(`[id^="${at}-"]`);
}

/** The messages of the issues exactly at one field, for the input's error text. */
export function messagesAt(
  issues: readonly { readonly path: string; readonly message: string }[],
  ...pointers: readonly string[]
): string | undefined {
  const here = issues
    .filter((issue) => pointers.includes(issue.path))
    .map((issue) => issue.message);
  return here.length === 0 ? undefined : here.join(' ');
}

/**
 * What an input shows of the issues at its field. Errors go in Mantine's `error` (red, and the
 * input `aria-invalid`); warnings, only when the field has no error, go in Mantine's `success`
 * slot, which the theme colours amber (src/web/app/providers.tsx): a warning (a PAPS shipment
 * with no broker, a name CBP will cut at 60 characters) does not stop a filing and must not look
 * like, or be announced as, an error. "Warning:" starts the text, for screen readers and for
 * anyone who does not tell the colours apart.
 */
export interface FieldIssues {
  readonly error: string | undefined;
  readonly success: string | undefined;
}

export function fieldIssues(
  issues: readonly Pick<Issue, 'path' | 'message' | 'severity'>[],
  ...pointers: readonly string[]
): FieldIssues {
  const here = issues.filter((issue) => pointers.includes(issue.path));
  const error = messagesAt(
    here.filter((issue) => issue.severity === 'error'),
    ...pointers,
  );
  const warning = messagesAt(
    here.filter((issue) => issue.severity !== 'error'),
    ...pointers,
  );
  return {
    error,
    success: error === undefined && warning !== undefined ? `Warning: ${warning}` : undefined,
  };
}

/** The issues under a pointer, with pointers made relative to it (`/shipments/0` cut off). */
export function issuesUnder<T extends { readonly path: string }>(
  issues: readonly T[] | undefined,
  prefix: string,
): T[] | undefined {
  if (issues === undefined) return undefined;
  return issues
    .filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}/`))
    .map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }));
}

/** The issues at or under any of `pointers` (`/truck`), pointers kept whole. */
export function issuesAt<T extends { readonly path: string }>(
  issues: readonly T[] | undefined,
  ...pointers: readonly string[]
): T[] | undefined {
  return issues?.filter((issue) =>
    pointers.some((at) => issue.path === at || issue.path.startsWith(`${at}/`)),
  );
}

/** Whether two lists of issues say the same, in the same order. */
export function sameIssues(
  one: readonly Issue[] | undefined,
  other: readonly Issue[] | undefined,
): boolean {
  if (one === other) return true;
  if (one === undefined || other === undefined || one.length !== other.length) return false;
  return one.every((issue, index) => {
    const that = other[index];
    return (
      that !== undefined &&
      issue.path === that.path &&
      issue.code === that.code &&
      issue.severity === that.severity &&
      issue.message === that.message &&
      issue.source === that.source
    );
  });
}
