/**
 * The committed SQL (src/storage/queries/*.sql) is what the repositories send today: each
 * method is called again with its samples and the statements compared with the files, so a
 * change to a query cannot land without its SQL in the diff (docs/storage.md, "Committed SQL").
 * SQLite always; PostgreSQL when it answers, and always in CI.
 */
import { describe, expect, it } from 'vitest';
import {
  DIALECTS,
  POSTGRES_URL,
  methodsWithoutSample,
  parseQueryFile,
  postgresProblem,
  readCommittedQueryFiles,
  recordQueries,
  renderQueryFiles,
  repositoryMethods,
  type QuerySection,
} from '../../scripts/sql-queries.js';
import type { SqlDialect } from './dialect.js';
import { openDatabase } from './open-database.js';
import { SAMPLES } from './queries/samples.js';
import { repositoriesFor } from './sql-store.js';

const REGENERATE = 'the SQL the repositories send changed: run npm run sql:generate and commit';

const problem = await postgresProblem();
if (problem !== undefined) {
  if (process.env['CI'] !== undefined) {
    throw new Error(`PostgreSQL at ${POSTGRES_URL} is required in CI: ${problem}`);
  }
  console.warn(
    `\n*** PostgreSQL at ${POSTGRES_URL} is unreachable (${problem}); ` +
      'the committed PostgreSQL SQL is NOT checked. ***\n',
  );
}

/** The committed files reduced to one database's sections, as the generator would write them. */
function committedFor(dialect: SqlDialect): Record<string, string> {
  const sections = [...readCommittedQueryFiles()].flatMap(([name, text]) =>
    parseQueryFile(name, text).filter((section) => section.dialect === dialect),
  );
  return Object.fromEntries(renderQueryFiles(sections));
}

function generated(sections: readonly QuerySection[]): Record<string, string> {
  return Object.fromEntries(renderQueryFiles(sections));
}

describe('committed SQL of the repositories (src/storage/queries/*.sql)', () => {
  it('has samples for every public method of every repository, and for nothing else', async () => {
    const db = openDatabase({ sqlitePath: ':memory:' });
    try {
      const repos = repositoriesFor(db);
      expect(methodsWithoutSample(repos), 'add them to src/storage/queries/samples.ts').toEqual([]);
      const stale = repositoryMethods(repos).flatMap(({ repository, methods }) =>
        Object.keys(SAMPLES[repository])
          .filter((method) => !methods.includes(method))
          .map((method) => `${repository}.${method}`),
      );
      expect(stale, 'samples of methods that no longer exist').toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('are written exactly as the generator writes them (no hand edits)', () => {
    const committed = readCommittedQueryFiles();
    expect(committed.size).toBeGreaterThan(0);
    const sections = [...committed].flatMap(([name, text]) => parseQueryFile(name, text));
    expect(sections.map((s) => s.dialect).sort()).toEqual(expect.arrayContaining([...DIALECTS]));
    expect(Object.fromEntries(renderQueryFiles(sections)), REGENERATE).toEqual(
      Object.fromEntries(committed),
    );
  });

  it('match what the repositories send on SQLite', async () => {
    expect(generated(await recordQueries('sqlite')), REGENERATE).toEqual(committedFor('sqlite'));
  });

  it.skipIf(problem !== undefined)('match what the repositories send on PostgreSQL', async () => {
    expect(generated(await recordQueries('postgres')), REGENERATE).toEqual(
      committedFor('postgres'),
    );
  });
});
