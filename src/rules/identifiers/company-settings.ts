/**
 * The company's own identifiers, checked the same way by the use cases (src/app/accounts,
 * src/app/filing) and by the web app's Company page before anything is sent.
 */

/**
 * The trip-number prefix: the SCAC followed by upper-case letters or digits, 4–19 characters,
 * so that every trip number built from it is a valid ACE trip number (SCAC + up to 21
 * characters in all; CBP ACE eManifest: Highway Carrier Requirements).
 */
export function isTripNumberPrefix(prefix: string, scac: string): boolean {
  return /^[A-Z0-9]{4,19}$/.test(prefix) && prefix.startsWith(scac);
}

/** ISA06 holds 15 characters (X12.5); GS02, which carries the same ID, at least 2 (element 142). */
export const SENDER_ID_LENGTH = { min: 2, max: 15 } as const;

/**
 * X12's basic character set (X12.6, section 3.3): upper-case letters, digits, space and
 * ! " & ' ( ) * + , - . / : ; ? =, less `*`, the element separator of the shipped profile
 * (docs/edi.md): a delimiter inside a value would split the element.
 */
const SENDER_ID_CHARACTERS = /^[A-Z0-9 !"&'()+,\-./:;?=]*$/;

/**
 * What is wrong with an interchange sender ID (ISA06, GS02) in words, or undefined when it can
 * be sent. ISA06 is fixed-width and padded on the right with spaces, so a trailing space could
 * not be told from the padding, and a leading one would make the ID start with padding.
 */
export function senderIdProblem(value: string): string | undefined {
  if (value.length < SENDER_ID_LENGTH.min || value.length > SENDER_ID_LENGTH.max) {
    return `is ${value.length} characters long; it takes ${SENDER_ID_LENGTH.min} to ${SENDER_ID_LENGTH.max}`;
  }
  if (value.startsWith(' ') || value.endsWith(' ')) {
    return 'starts or ends with a space (ISA06 is padded with spaces)';
  }
  if (/[a-z]/.test(value)) return 'contains lower-case letters';
  if (!SENDER_ID_CHARACTERS.test(value)) {
    return "contains characters outside X12's basic set (letters, digits, space and ! \" & ' ( ) + , - . / : ; ? =)";
  }
  return undefined;
}
