/**
 * Recognises a UNIQUE / PRIMARY KEY violation from either driver. Repositories prefer
 * `ON CONFLICT DO NOTHING` (a failed statement aborts a PostgreSQL transaction); this is the
 * safety net that turns a race the code did not foresee into a CONFLICT, not a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
