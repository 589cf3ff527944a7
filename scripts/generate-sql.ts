/**
 * `npm run sql:generate`: rewrites src/storage/queries/*.sql, the SQL each repository method
 * sends on SQLite and on PostgreSQL (docs/storage.md, "Committed SQL"). Needs PostgreSQL at
 * TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test): without it the files
 * would lose their PostgreSQL half, so it stops instead.
 */
import { rmSync, writeFileSync } from 'node:fs';
import {
  POSTGRES_URL,
  QUERIES_DIR,
  postgresProblem,
  readCommittedQueryFiles,
  recordQueries,
  renderQueryFiles,
} from './sql-queries.js';

const problem = await postgresProblem();
if (problem !== undefined) {
  console.error(
    `PostgreSQL at ${POSTGRES_URL} does not answer (${problem}); start it or set TEST_POSTGRES_URL.`,
  );
  process.exit(1);
}
const sections = [...(await recordQueries('sqlite')), ...(await recordQueries('postgres'))];
const files = renderQueryFiles(sections);
for (const name of readCommittedQueryFiles().keys()) {
  if (!files.has(name)) rmSync(new URL(name, QUERIES_DIR));
}
for (const [name, text] of files) writeFileSync(new URL(name, QUERIES_DIR), text);
console.log(
  `wrote ${files.size} files in src/storage/queries/ (${sections.length} sections, both databases)`,
);
