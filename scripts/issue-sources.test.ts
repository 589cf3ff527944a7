import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issueCatalogue } from '../src/rules/index.js';
import { OWN_CHECK } from '../src/rules/sources.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** GitHub's anchor for a markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+)$/.exec(line);
    if (heading?.[1] !== undefined) slugs.add(githubSlug(heading[1]));
  }
  return slugs;
}

/** File names in a citation (`docs/regulations.md#anchor`, `notes.md`); "309/358" is none. */
const PATH_LIKE =
  /(?:[\w.-]+\/)+[\w.-]*\.[a-z]{1,5}(?:#[\w-]+)?|[\w-]+\.(?:md|csv|json|ts|js)(?:#[\w-]+)?/g;

/** Why a citation cannot be opened by a user of this repository, or undefined when it can. */
function unopenable(source: string): string | undefined {
  if (/shared\/|\.\.\/|reference\//.test(source)) return 'names a path outside the repository';
  for (const [path] of source.matchAll(PATH_LIKE)) {
    const [file = '', anchor] = path.split('#');
    if (!existsSync(join(root, file))) return `names ${file}, which is not in the repository`;
    if (anchor === undefined) continue;
    if (!file.endsWith('.md')) return `has an anchor on ${file}, which is not markdown`;
    if (!headingSlugs(readFileSync(join(root, file), 'utf8')).has(anchor)) {
      return `names #${anchor}, which is no heading of ${file}`;
    }
  }
  return undefined;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('issue sources', () => {
  it('every issue source is a public citation or a section of this repository (no shared/ or ../ path)', () => {
    const problems = issueCatalogue().flatMap(({ code, source }) => {
      const problem = source === undefined ? undefined : unopenable(source);
      return problem === undefined ? [] : [`${code}: "${source}" ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('every own-judgement citation points at a heading of docs/regulations.md', () => {
    const problems = Object.values(OWN_CHECK).flatMap((source) => {
      const problem = unopenable(source);
      return problem === undefined ? [] : [`"${source}" ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('recognises sources a user cannot open', () => {
    expect(unopenable('shared/reference/ace-highway.md §4')).toMatch(/outside/);
    expect(unopenable('../notes.md')).toMatch(/outside/);
    expect(unopenable('docs/nowhere.md')).toMatch(/not in the repository/);
    expect(unopenable('docs/regulations.md#no-such-heading')).toMatch(/no heading/);
    expect(unopenable('19 CFR 123.92; docs/regulations.md#the-rows-shipped-as-of-2026-11-28')).toBe(
      undefined,
    );
    expect(unopenable('CSMS #66065494; 90 FR 42418; ISO 3166-1')).toBe(undefined);
  });

  it('no code comment or user document cites the research notes outside the repository', () => {
    // docs/adr records how the code lists are generated, a process fact, not a citation.
    const files = [
      ...filesUnder(join(root, 'src')),
      ...filesUnder(join(root, 'bench')),
      ...filesUnder(join(root, 'docs')).filter((file) => !file.includes(join('docs', 'adr'))),
    ];
    const citing = files
      .filter((file) => file !== fileURLToPath(import.meta.url))
      .filter((file) => readFileSync(file, 'utf8').includes('shared/reference'))
      .map((file) => file.slice(root.length));
    expect(citing).toEqual([]);
  });
});
