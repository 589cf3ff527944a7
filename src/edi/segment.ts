/**
 * An X12 segment as the writer builds it and the reader returns it: an id and its elements,
 * element 1 first. Serialising drops trailing empty elements, as X12.6 (Application Control
 * Structure) requires: a segment never ends with an element separator.
 */
export interface Segment {
  readonly id: string;
  /** `elements[0]` is element 01. */
  readonly elements: readonly string[];
}

/** The characters that separate an interchange's parts, declared by its ISA segment. */
export interface Delimiters {
  readonly element: string;
  readonly subElement: string;
  readonly segment: string;
}

export function segment(id: string, elements: readonly string[]): Segment {
  let end = elements.length;
  while (end > 0 && elements[end - 1] === '') end--;
  return { id, elements: end === elements.length ? elements : elements.slice(0, end) };
}

export function serializeSegment(value: Segment, delimiters: Delimiters): string {
  if (value.elements.length === 0) return value.id + delimiters.segment;
  return (
    value.id + delimiters.element + value.elements.join(delimiters.element) + delimiters.segment
  );
}
