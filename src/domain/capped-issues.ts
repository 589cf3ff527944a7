import type { Issue } from './issue.js';

/**
 * How many issues of one code a validation lists. A document of 340,000 empty commodity lines
 * fits in 1 MiB and would otherwise yield 1.7 million issues (a 367 MiB answer); the
 * first thousand of a code show the pattern, and ISSUES_TRUNCATED says how many more there are.
 */
export const MAX_ISSUES_PER_CODE = 1000;

export class CappedIssues {
  private readonly kept: Issue[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly perCode: number) {}

  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) {
      const count = (this.counts.get(issue.code) ?? 0) + 1;
      this.counts.set(issue.code, count);
      if (count <= this.perCode) this.kept.push(issue);
    }
  }

  list(): Issue[] {
    for (const [code, count] of this.counts) {
      if (count > this.perCode) {
        this.kept.push(truncationNotice(code, count, this.perCode));
      }
    }
    return this.kept;
  }
}

/** The warning that stands for the issues of `code` past the first `perCode`. */
export function truncationNotice(code: string, count: number, perCode: number): Issue {
  const more = count - perCode;
  return {
    code: 'ISSUES_TRUNCATED',
    severity: 'warning',
    path: '',
    message: `${more.toLocaleString('en-US')} more ${code} issues are not listed (${count.toLocaleString('en-US')} in all; the first ${perCode.toLocaleString('en-US')} are).`,
  };
}
