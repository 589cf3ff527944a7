/**
 * CBP's reject texts in plain words, with what to do. Matched on the text CBP sends (its codes
 * are not public here); an unknown reason is shown as CBP wrote it.
 */
export interface Explanation {
  readonly meaning: string;
  readonly fix: string;
}

const EXPLANATIONS: readonly (readonly [RegExp, Explanation])[] = [
  [
    /complete manifest already on file/i,
    {
      meaning:
        'CBP already has the complete manifest of this trip; sending it again as new is refused.',
      fix: 'Nothing to do if the trip is unchanged. To correct it, sync again: changes go as updates.',
    },
  ],
  [
    // Before "shipment already on file": CBP answers both for a shipment linked to another trip.
    /inv link shipment on trip/i,
    {
      meaning:
        'CBP has this shipment on another trip of yours: a shipment is linked to one trip at a time.',
      fix: 'Sync the trip it was on first, so CBP unlinks it there (or put it back on that trip), then sync this trip again.',
    },
  ],
  [
    /shipment already on file/i,
    {
      meaning:
        'CBP already has a shipment with this SCN, filed by you earlier or by someone else. An SCN is unique for three years.',
      fix: 'Give the shipment a new SCN (or check it is not filed twice), then sync again.',
    },
  ],
  [
    /not on file/i,
    {
      meaning:
        'CBP does not have what this message changes or links (the shipment or trip was never accepted, or was deleted).',
      fix: 'Sync again: a shipment CBP does not have is sent as new.',
    },
  ],
  [
    /no person in charge/i,
    {
      meaning: 'The trip names no driver.',
      fix: 'Add the driver to the trip and sync again.',
    },
  ],
  [
    /inv iit/i,
    {
      meaning:
        'An instrument of international traffic (racks, pallets, containers) has a type CBP does not know or no whole count.',
      fix: 'Give each instrument on the trip its type (EC, EI, MC or MI) and count, then sync again.',
    },
  ],
  [
    /port of arrival/i,
    {
      meaning: 'The U.S. port of arrival is missing or is not a port CBP knows for trucks.',
      fix: 'Choose the port of arrival from the list and sync again.',
    },
  ],
  [
    /section 321/i,
    {
      meaning:
        'Section 321 (de minimis) manifest filings are refused for arrivals from 29 August 2025 (EO 14324; CSMS #66065494).',
      fix: 'File the shipment as PAPS with a broker (formal or informal entry) and sync again.',
    },
  ],
  [
    /inb(ond)? dest/i,
    {
      meaning: 'The in-bond destination port is missing or not a valid port code.',
      fix: 'Enter the 4-digit port code of the in-bond destination and sync again.',
    },
  ],
  [
    /required/i,
    {
      meaning: 'CBP needs a value that the message did not carry.',
      fix: 'Fill in the field named in the reason and sync again.',
    },
  ],
  [
    /^the mailbox refused/i,
    {
      meaning: 'The interchange could not be delivered: the mailbox did not accept it as X12.',
      fix: 'Report it: this is a fault of the system, not of your data.',
    },
  ],
];

export function explainReason(text: string): Explanation | undefined {
  return EXPLANATIONS.find(([pattern]) => pattern.test(text))?.[1];
}

/** A reason CBP gave, with its plain explanation and fix when one is known. */
export interface ExplainedReason {
  readonly code: string | null;
  readonly text: string;
  readonly explanation: Explanation | null;
}

/** The reasons in a filing history entry's detail (`detail.reasons`), each explained. */
export function explainedReasons(detail: Readonly<Record<string, unknown>>): ExplainedReason[] {
  const reasons = detail['reasons'];
  if (!Array.isArray(reasons)) return [];
  return reasons.map((r: { code?: string | null; text?: string }) => {
    const text = r.text ?? '';
    return { code: r.code ?? null, text, explanation: explainReason(text) ?? null };
  });
}
