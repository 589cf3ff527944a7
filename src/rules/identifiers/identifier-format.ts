/**
 * Trip numbers and SCNs share one construction: the carrier's SCAC followed by upper-case
 * letters and digits, nothing else (CBP ACE eManifest: Highway Carrier Requirements). This says what is
 * wrong with one in words a dispatcher can act on, or undefined when it is well-formed.
 */
export function identifierProblem(
  value: string,
  length: { readonly min: number; readonly max: number },
): string | undefined {
  if (/[\s-]/.test(value)) return 'contains spaces or dashes';
  if (/[a-z]/.test(value)) return 'contains lower-case letters';
  if (/[^A-Z0-9]/.test(value)) return 'contains characters other than letters and digits';
  if (!/^[A-Z]{4}/.test(value)) return "does not start with the carrier's 4-letter SCAC";
  if (value.length < length.min || value.length > length.max) {
    return `is ${value.length} characters long`;
  }
  return undefined;
}
