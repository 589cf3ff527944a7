/**
 * Every machine here runs Node 20; some packages' latest majors refuse it (and crash, for native
 * ones). This fails when the lock file brings in a package whose `engines` excludes the Node
 * versions package.json promises, so a careless upgrade is caught before CI's install warns.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  readonly engines?: { readonly node?: string } | readonly string[];
  readonly dev?: boolean;
  readonly optional?: boolean;
}

const root = new URL('..', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
};

describe('package engines', () => {
  it.each(['20.19.0', '20.20.2', '22.13.0', '24.0.0'])(
    'every package in the lock accepts Node %s',
    (version) => {
      expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
      const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
        const engines = entry.engines;
        const range =
          engines === undefined || Array.isArray(engines)
            ? undefined
            : (engines as { node?: string }).node;
        return range !== undefined && !semver.satisfies(version, range)
          ? [`${path} (${range})`]
          : [];
      });
      expect(refusing).toEqual([]);
    },
  );
});
