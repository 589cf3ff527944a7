/**
 * Values parsed from JSON text, with the text they came from, so that writing one again costs
 * nothing. A CSV upload's shipments cross from the parser thread as JSON text
 * (csv/csv-records-worker.ts), are parsed here for the rules and stored as that same text
 * (storage/written-json.ts): serialising each shipment again for its row was a twentieth of a
 * 10,000-shipment import, and text crosses between threads faster than an object graph.
 *
 * The text is keyed by the object, not by what it holds, so this is only for values nobody
 * changes once parsed (a change is made on a copy, as the import gives an AUTOFILL shipment its
 * SCN). For text that JSON.stringify wrote, JSON.stringify(JSON.parse(text)) is the text itself:
 * properties keep their order and numbers and strings have one form (ECMA-262, JSON.stringify).
 */
const texts = new WeakMap<object, string>();

/** JSON.parse(text) of a text JSON.stringify wrote, remembered with its text. */
export function parseRememberedJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (typeof value === 'object' && value !== null) texts.set(value, text);
  return value;
}

/** The text `value` was parsed from, when it is remembered. */
export function rememberedText(value: object): string | undefined {
  return texts.get(value);
}
