/** Row shapes of the generated CBP code lists (see scripts/generate-code-lists.ts, docs/code-lists.md). */
export interface CodeNameRow {
  readonly code: string;
  readonly name: string;
}

export interface PortRow extends CodeNameRow {
  /** U.S. state the port is in. */
  readonly state: string;
  /** The border it sits on: CA or MX. */
  readonly border: string;
  /** IANA time zone: ETAs are wall-clock times in this zone. */
  readonly timeZone: string;
}

/** The town(s) across the border from a U.S. land port: dispatchers often know the port by them. */
export interface ForeignSideRow {
  /** Schedule D code of the U.S. port. */
  readonly code: string;
  /** Canadian or Mexican towns, `;`-separated: `Woodstock;Belleville`. */
  readonly places: string;
  /** Province or state code: `ON`, `BCN`. */
  readonly subdivision: string;
  /** CA or MX. */
  readonly country: string;
}

export interface TravelDocumentRow extends CodeNameRow {
  /** Who issues it: `state/province` (licences) or `country` (passports, cards). */
  readonly issuerRequired: string;
}

export interface ShipmentTypeRow extends CodeNameRow {
  readonly csvValue: string;
  readonly release: string;
  readonly brokerEntry: string;
  readonly valueAndOriginRequired: string;
  readonly notes: string;
}
