/**
 * Lone surrogates: half of a UTF-16 surrogate pair without the other half, as the JSON escape
 * `"\ud800"` gives. They are no character at all: JSON.parse takes them, but no UTF-8 text can
 * hold one, strict JSON readers (jq, Rust's serde_json) refuse a whole answer that echoes one, and no
 * X12 character set carries one. A Unicode pattern sees a whole pair as one code point, so
 * only a half on its own matches.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` holds half of a surrogate pair on its own. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The first lone surrogate of `text` as U+XXXX, for a message; undefined when it has none. */
export function loneSurrogateCodePoint(text: string): string | undefined {
  const found = LONE_SURROGATE.exec(text)?.[0];
  return found === undefined
    ? undefined
    : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
}
