/**
 * Where a cursor-paged list is (docs/api.md, Pages): the cursors of the pages before the
 * current one, so "Previous page" pops one and a new search starts again at the first.
 */
import { useState } from 'react';

export interface CursorPages {
  /** The current page's cursor; undefined on the first page. */
  readonly cursor: string | undefined;
  /** 1 on the first page. */
  readonly number: number;
  readonly first: () => void;
  readonly previous: () => void;
  readonly next: (cursor: string) => void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    number: cursors.length,
    first: () => {
      setCursors([undefined]);
    },
    previous: () => {
      setCursors((list) => list.slice(0, -1));
    },
    next: (cursor) => {
      setCursors((list) => [...list, cursor]);
    },
  };
}
