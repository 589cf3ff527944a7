import { rememberedText } from '../domain/index.js';

/**
 * The JSON text of the shipments a transaction's repositories just inserted, for the audit
 * entries written right after them: a new shipment's snapshot is `{ tripId, position, shipment }`
 * and its shipment was serialised a moment before for its row. On a CSV import of 10,000
 * shipments that second serialisation was a twentieth of the import.
 *
 * Only the next audit append may reuse a text (it then forgets them all), so a shipment changed
 * after it was inserted can never be audited with its old text.
 */
export class WrittenJson {
  private texts = new WeakMap<object, string>();

  /**
   * JSON.stringify(value), remembered for the next audit append; a value parsed from JSON text
   * that is remembered (a CSV upload's shipments, domain/remembered-json.ts) is not written again.
   */
  write(value: object): string {
    // A remembered value's text is found there again (`reuse`): not kept twice.
    const remembered = rememberedText(value);
    if (remembered !== undefined) return remembered;
    const text = JSON.stringify(value);
    this.texts.set(value, text);
    return text;
  }

  /**
   * JSON.stringify(value) of a plain object, with the text of values written since `forget`
   * reused where they are the value itself or its own properties.
   */
  reuse(value: unknown): string {
    const texts = this.texts;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return JSON.stringify(value);
    const known = texts.get(value) ?? rememberedText(value);
    if (known !== undefined) return known;
    let text = '';
    for (const [key, property] of Object.entries(value as Record<string, unknown>)) {
      const part =
        typeof property === 'object' && property !== null
          ? (texts.get(property) ?? rememberedText(property) ?? JSON.stringify(property))
          : (JSON.stringify(property) as string | undefined);
      // As JSON.stringify: an undefined (or function) property is left out.
      if (part === undefined) continue;
      text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${part}`;
    }
    return `{${text}}`;
  }

  /** Forgets every text written so far. */
  forget(): void {
    this.texts = new WeakMap();
  }
}
