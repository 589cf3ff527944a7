import type { Issue } from '../domain/index.js';
import type { EdiProfile } from './profile.js';
import { segmentSeparator, type SetBody } from './envelope.js';
import { segment, serializeSegment } from './segment.js';
import type { FieldOf, SegmentId } from './segment-fields.js';
import { safeText, sendsAsIs } from './x12-text.js';

/**
 * Builds the body of one transaction set from named fields, placing each at the element the
 * profile says, making its text safe for X12 and reporting every change at the segment and
 * element it touched and the JSON Pointer of the trip-document field it came from.
 */
export interface FieldValue {
  readonly value: string | number | undefined;
  /** Free text may be adjusted with a warning; identifiers and codes may not be changed. */
  readonly kind: 'text' | 'identifier';
  /**
   * JSON Pointer of the value in the trip document, or of the object holding it when `field`
   * names it there; undefined for profile codes.
   */
  readonly path: string | undefined;
  /**
   * The value's field in the object at `path` (`quantity`, `address/city`). The pointer is
   * spelled only for an issue: a 100,000-shipment trip has millions of values and almost never
   * one, and spelling every pointer was a third of writing its 309s.
   */
  readonly field?: string | undefined;
}

export const text = (value: string | undefined, path: string, field?: string): FieldValue => ({
  value,
  kind: 'text',
  path,
  field,
});
export const id = (
  value: string | number | undefined,
  path: string,
  field?: string,
): FieldValue => ({
  value,
  kind: 'identifier',
  path,
  field,
});
/** A value from the profile or computed by the writer (a count, a date). */
export const fixed = (value: string | number | undefined): FieldValue => ({
  value,
  kind: 'identifier',
  path: undefined,
});

function pointerOf(input: FieldValue): string {
  const path = input.path ?? '';
  return input.field === undefined ? path : `${path}/${input.field}`;
}

/** X12 numeric values carry no exponent and no needless trailing zeros (X12.6, type R). */
function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(3).replace(/\.?0+$/, '');
}

/** Characters of a flat piece of a set's body (SegmentBuilder). */
const PIECE_LENGTH = 1 << 16;

export class SegmentBuilder {
  readonly issues: Issue[] = [];
  /**
   * The segments so far, written out as they are added, in flat pieces of about 64 KiB and the
   * piece being written. Kept as Segment objects (an array of element strings each) until the
   * envelope was written, or as one string grown by concatenation (a rope of a node per
   * segment), the 140,000 segments of a 10,000-shipment 309 outlived the young generation, and
   * collecting them was a third of the writing; a piece flattened once is one object.
   */
  private readonly pieces: string[] = [];
  private piece = '';
  private count = 0;
  private readonly separator: string;

  constructor(
    private readonly profile: EdiProfile,
    /** Names the message in warnings: "309 #2". */
    private readonly label: string,
  ) {
    this.separator = segmentSeparator(profile);
  }

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
    this.piece += serializeSegment(segment(id, elements), this.profile.delimiters) + this.separator;
    this.count += 1;
    if (this.piece.length >= PIECE_LENGTH) {
      // Read once, the rope is flattened in place and its nodes and segment strings let go.
      this.piece.charCodeAt(0);
      this.pieces.push(this.piece);
      this.piece = '';
    }
  }

  /** The set's body so far (the segments between ST and SE). */
  body(): SetBody {
    return { text: this.pieces.join('') + this.piece, count: this.count };
  }

  private safe(raw: string, input: FieldValue, id: string, element: number, maxLength: number) {
    // Most values go as they are: checked without building options or a result.
    const cased = this.profile.upperCase ? raw.toUpperCase() : raw;
    if (sendsAsIs(cased, this.profile, maxLength)) return cased;
    const result = safeText(raw, {
      delimiters: this.profile.delimiters,
      characterSet: this.profile.characterSet,
      upperCase: this.profile.upperCase,
      maxLength,
      kind: input.kind,
    });
    const where = `${this.label} ${id}${String(element).padStart(2, '0')}`;
    const path = pointerOf(input);
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
