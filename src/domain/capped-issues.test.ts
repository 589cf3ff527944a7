import { describe, expect, it } from 'vitest';
import { CappedIssues } from './capped-issues.js';
import type { Issue } from './issue.js';

const anIssue = (code: string, index: number): Issue => ({
  code,
  severity: 'error',
  path: `/shipments/${index}`,
  message: 'x',
});

describe('CappedIssues', () => {
  it('lists the first N of a code and says how many more there are', () => {
    const issues = new CappedIssues(2);
    issues.addAll([0, 1, 2, 3, 4].map((i) => anIssue('A', i)));
    issues.addAll([anIssue('B', 0)]);
    const listed = issues.list();
    expect(listed.map((issue) => issue.code)).toEqual(['A', 'A', 'B', 'ISSUES_TRUNCATED']);
    expect(listed[3]?.message).toContain('3 more A issues');
  });
});
