/**
 * A form's draft as one document, edited field by field through JSON Pointers: the same
 * pointers the rule engine's issues carry, so each input shows the problems at its pointer.
 */
import { useState } from 'react';
import type { Issue } from './api-types';
import { fieldId, messagesAt } from './field-id';
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

export interface Draft<T> {
  readonly value: T;
  set(pointer: string, value: unknown): void;
  replace(next: T): void;
}

export function useDraft<T>(initial: () => T): Draft<T> {
  const [value, setValue] = useState<T>(initial);
  return {
    value,
    set: (pointer, next) => {
      setValue((current) => setIn(current, keysOf(pointer), next));
    },
    replace: setValue,
  };
}

export interface Binder {
  /** Props for a text input at a pointer: id, value, change handler, the issues there. */
  text(pointer: string): {
    id: string;
    value: string;
    error: string | undefined;
    onChange: (event: { currentTarget: { value: string } }) => void;
  };
  /** The same for a number input (Mantine NumberInput gives number | string). */
  number(pointer: string): {
    id: string;
    value: number | string;
    error: string | undefined;
    onChange: (value: number | string) => void;
  };
  /** The issues' messages at a pointer, for inputs bound by hand. */
  error(pointer: string): string | undefined;
}

/** Binds inputs to a draft; `issues` have pointers relative to the draft. */
export function bind<T>(draft: Draft<T>, issues: readonly Issue[] | undefined): Binder {
  const found = issues ?? [];
  return {
    text: (pointer) => {
      const current = valueAt(draft.value, pointer);
      return {
        id: fieldId(pointer),
        value: typeof current === 'string' || typeof current === 'number' ? String(current) : '',
        error: messagesAt(found, pointer),
        onChange: (event) => {
          draft.set(pointer, event.currentTarget.value);
        },
      };
    },
    number: (pointer) => {
      const current = valueAt(draft.value, pointer);
      return {
        id: fieldId(pointer),
        value: typeof current === 'number' ? current : '',
        error: messagesAt(found, pointer),
        onChange: (next) => {
          draft.set(pointer, typeof next === 'number' ? next : undefined);
        },
      };
    },
    error: (pointer) => messagesAt(found, pointer),
  };
}
