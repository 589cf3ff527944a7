/**
 * A form's draft as one document, edited field by field through JSON Pointers: the same
 * pointers the rule engine's issues carry, so each input shows the problems at its pointer.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Issue } from './api-types';
import { fieldId, fieldIssues, sameIssues, type FieldIssues } from './field-id';
import { setIn } from './set-in';

export function keysOf(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const key of keysOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets the value at a pointer of the whole draft. */
export type SetAt = (pointer: string, value: unknown) => void;

export interface Draft<T> {
  readonly value: T;
  /** The same function for the draft's whole life: a memoised part keeps it as a prop. */
  readonly set: SetAt;
  replace(next: T): void;
}

export function useDraft<T>(initial: () => T): Draft<T> {
  const [value, setValue] = useState<T>(initial);
  const set = useCallback<SetAt>((pointer, next) => {
    setValue((current) => setIn(current, keysOf(pointer), next));
  }, []);
  return useMemo(() => ({ value, set, replace: setValue }), [value, set]);
}

export interface Binder {
  /** Props for a text input at a pointer: id, value, change handler, the issues there. */
  text(pointer: string): FieldIssues & {
    id: string;
    value: string;
    onChange: (event: { currentTarget: { value: string } }) => void;
  };
  /** The same for a number field (`NumberField`: a number, or none while its text holds none). */
  number(pointer: string): FieldIssues & {
    id: string;
    value: number | undefined;
    onChange: (value: number | undefined) => void;
  };
  /** The issues at one or more pointers, for inputs bound by hand (`{...b.issues(at)}`). */
  issues(...pointers: readonly string[]): FieldIssues;
}

/** Binds inputs to a draft; `issues` have pointers relative to the draft. */
export function bind<T>(draft: Draft<T>, issues: readonly Issue[] | undefined): Binder {
  return binder((pointer) => valueAt(draft.value, pointer), issues ?? [], draft.set);
}

/**
 * Binds the inputs of one part of a draft (the truck, at `/truck`) from that part's value
 * alone, so a memoised fieldset re-renders only when its own part or its own issues change.
 * Pointers stay whole (`/truck/number`): the fields' ids and the issues use them.
 */
export function bindPart(
  at: string,
  value: unknown,
  issues: readonly Issue[] | undefined,
  set: SetAt,
): Binder {
  return binder((pointer) => valueAt(value, pointer.slice(at.length)), issues ?? [], set);
}

function binder(read: (pointer: string) => unknown, found: readonly Issue[], set: SetAt): Binder {
  return {
    text: (pointer) => {
      const current = read(pointer);
      return {
        id: fieldId(pointer),
        value: typeof current === 'string' || typeof current === 'number' ? String(current) : '',
        ...fieldIssues(found, pointer),
        onChange: (event) => {
          set(pointer, event.currentTarget.value);
        },
      };
    },
    number: (pointer) => {
      const current = read(pointer);
      return {
        id: fieldId(pointer),
        value: typeof current === 'number' ? current : undefined,
        ...fieldIssues(found, pointer),
        onChange: (next) => {
          set(pointer, next);
        },
      };
    },
    issues: (...pointers) => fieldIssues(found, ...pointers),
  };
}

/** The props of a memoised part of a draft: its value, its issues, `set` and the like. */
export interface PartProps {
  readonly issues: readonly Issue[] | undefined;
}

/**
 * For `memo`: a part of the form is drawn again only when a prop changed, its issues compared
 * by content (the worker answers each change with new lists, mostly equal for one part).
 */
export function samePart<P extends PartProps>(before: P, after: P): boolean {
  const keys = Object.keys(after) as (keyof P)[];
  return (
    keys.length === Object.keys(before).length &&
    keys.every((key) =>
      key === 'issues'
        ? sameIssues(before.issues, after.issues)
        : Object.is(before[key], after[key]),
    )
  );
}
