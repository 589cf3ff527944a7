/**
 * If-None-Match (RFC 9110 §13.1.2): the entity tags a client holds for a resource, compared
 * weakly (`W/"x"` and `"x"` are the same tag). A header this parser cannot read holds no tag
 * (the full answer is sent); `*` is not a tag of a view that always exists, so it is ignored
 * too.
 */
const TAG = /^\s*(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*$/;

/** The opaque tags of an If-None-Match header, without their weakness mark and quotes. */
export function tagsOfIfNoneMatch(header: string | undefined): string[] {
  if (header === undefined || header.length > 4_096) return [];
  const tags: string[] = [];
  for (const part of header.split(',')) {
    const tag = TAG.exec(part)?.[1];
    if (tag !== undefined) tags.push(tag);
  }
  return tags;
}

/** The ETag header value for a tag that says two answers are equivalent, not byte-equal. */
export function weakTag(tag: string): string {
  return `W/"${tag}"`;
}
