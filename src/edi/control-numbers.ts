/**
 * Where ISA13, GS06 and ST02 come from. X12.6 requires them unique per sender for long enough
 * that a receiver can detect duplicates; CBP rejects a reused interchange number. The writer
 * asks an allocator and never invents one: the service persists a sequence per company (a
 * later slice), the CLI and tests use `sequentialControlNumbers`.
 */
export type ControlNumberKind = 'interchange' | 'group' | 'transaction';

export interface ControlNumberAllocator {
  /** The next unused number of that kind, 1 to 999,999,999 (ISA13 is 9 digits). */
  next(kind: ControlNumberKind): number;
}

export const MAX_CONTROL_NUMBER = 999_999_999;

/** Numbers counted up from `start` (the same for each kind), in memory. */
export function sequentialControlNumbers(start = 1): ControlNumberAllocator {
  const last: Record<ControlNumberKind, number> = {
    interchange: start - 1,
    group: start - 1,
    transaction: start - 1,
  };
  return {
    next(kind) {
      last[kind] += 1;
      return last[kind];
    },
  };
}

/**
 * Wraps an allocator so that one writer's output never repeats or overflows a number, whatever
 * the allocator does: a repeat is a programming error, not bad data, so it throws.
 */
export function guardedControlNumbers(allocator: ControlNumberAllocator): ControlNumberAllocator {
  const used: Record<ControlNumberKind, Set<number>> = {
    interchange: new Set(),
    group: new Set(),
    transaction: new Set(),
  };
  return {
    next(kind) {
      const value = allocator.next(kind);
      if (!Number.isInteger(value) || value < 1 || value > MAX_CONTROL_NUMBER) {
        throw new RangeError(`${kind} control number ${value} is outside 1..${MAX_CONTROL_NUMBER}`);
      }
      if (used[kind].has(value)) {
        throw new Error(`${kind} control number ${value} was already used in this output`);
      }
      used[kind].add(value);
      return value;
    },
  };
}
