import type { Issue } from '../domain/index.js';
import type { EdiProfile } from './profile.js';
import { segment, type Segment } from './segment.js';
import type { FieldOf, SegmentId } from './segment-fields.js';
import { safeText } from './x12-text.js';

/**
 * Builds the body of one transaction set from named fields, placing each at the element the
 * profile says, making its text safe for X12 and reporting every change at the segment and
 * element it touched and the JSON Pointer of the trip-document field it came from.
 */
export interface FieldValue {
  readonly value: string | number | undefined;
  /** Free text may be adjusted with a warning; identifiers and codes may not be changed. */
  readonly kind: 'text' | 'identifier';
  /** JSON Pointer of the value in the trip document; undefined for profile codes. */
  readonly path: string | undefined;
}

export const text = (value: string | undefined, path: string): FieldValue => ({
  value,
  kind: 'text',
  path,
});
export const id = (value: string | number | undefined, path: string): FieldValue => ({
  value,
  kind: 'identifier',
  path,
});
/** A value from the profile or computed by the writer (a count, a date). */
export const fixed = (value: string | number | undefined): FieldValue => ({
  value,
  kind: 'identifier',
  path: undefined,
});

/** X12 numeric values carry no exponent and no needless trailing zeros (X12.6, type R). */
function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(3).replace(/\.?0+$/, '');
}

export class SegmentBuilder {
  readonly segments: Segment[] = [];
  readonly issues: Issue[] = [];

  constructor(
    private readonly profile: EdiProfile,
    /** Names the message in warnings: "309 #2". */
    private readonly label: string,
  ) {}

  add<S extends SegmentId>(id: S, fields: Partial<Record<FieldOf<S>, FieldValue>>): void {
    const layout = this.profile.segments[id];
    const elements: string[] = [];
    for (const field in fields) {
      const input = fields[field as FieldOf<S>];
      const place = layout[field];
      if (input === undefined || input.value === undefined || place === undefined) continue;
      const raw = typeof input.value === 'number' ? numberText(input.value) : input.value;
      const value = this.safe(raw, input, id, place.element, place.maxLength);
      while (elements.length < place.element - 1) elements.push('');
      elements[place.element - 1] = value;
    }
    for (let i = 0; i < elements.length; i++) elements[i] ??= '';
    this.segments.push(segment(id, elements));
  }

  private safe(raw: string, input: FieldValue, id: string, element: number, maxLength: number) {
    const result = safeText(raw, {
      delimiters: this.profile.delimiters,
      characterSet: this.profile.characterSet,
      upperCase: this.profile.upperCase,
      maxLength,
      kind: input.kind,
    });
    const where = `${this.label} ${id}${String(element).padStart(2, '0')}`;
    const path = input.path ?? '';
    if (result.tooLong || result.unrepresentable) {
      this.issues.push({
        code: result.tooLong ? 'EDI_VALUE_TOO_LONG' : 'EDI_VALUE_NOT_REPRESENTABLE',
        severity: 'error',
        path,
        message: result.tooLong
          ? `${where}: "${raw}" is longer than the ${maxLength} characters the element takes; an identifier cannot be shortened.`
          : `${where}: "${raw}" has characters X12 cannot carry (delimiters or outside the ${this.profile.characterSet} character set); an identifier cannot be changed.`,
      });
    } else if (result.changes.includes('shortened')) {
      this.issues.push({
        code: 'EDI_TEXT_SHORTENED',
        severity: 'warning',
        path,
        message: `${where}: shortened to the ${maxLength} characters the element takes: "${result.value}".`,
      });
    } else if (result.changes.includes('characters')) {
      this.issues.push({
        code: 'EDI_TEXT_ADJUSTED',
        severity: 'warning',
        path,
        message: `${where}: characters X12 cannot carry were replaced: "${raw}" is sent as "${result.value}".`,
      });
    }
    return result.value;
  }
}
