/**
 * An issue's source as a dispatcher reads it: a public document by name (19 CFR 123.92, a CSMS
 * message); a check of this service's own (its why is in the project's docs/regulations.md, a
 * path that means nothing in the browser) is said to be one, so it is not taken for CBP's.
 */
export function sourceText(source: string): string {
  return source.startsWith('docs/')
    ? "this service's own check, not a CBP rule"
    : `source: ${source}`;
}
