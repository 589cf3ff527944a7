import { iso31661, iso31662 } from 'iso-3166';

/**
 * ISO 3166-1 countries and ISO 3166-2 subdivisions from the maintained `iso-3166` package
 * (docs/adr/0003-code-lists.md), not a hand-typed list.
 */
const countries = new Map(iso31661.map((country) => [country.alpha2, country.name]));

/** Country name for an ISO 3166-1 alpha-2 code, or undefined if it is not an assigned code. */
export function countryName(alpha2: string): string | undefined {
  return countries.get(alpha2);
}

/** Every assigned country as { code, name }, by name (for pickers). */
export function allCountries(): readonly { readonly code: string; readonly name: string }[] {
  return [...countries]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function isCountry(alpha2: string): boolean {
  return countries.has(alpha2);
}

/** The countries whose states/provinces CBP checks: the U.S. and its two land neighbours. */
export const NORTH_AMERICA = ['US', 'CA', 'MX'] as const;
export type NorthAmericanCountry = (typeof NORTH_AMERICA)[number];

export function isNorthAmerican(country: string): country is NorthAmericanCountry {
  return (NORTH_AMERICA as readonly string[]).includes(country);
}

export interface Subdivision {
  /** The code without the country prefix: `TX`, `ON`, `BCN`. */
  readonly code: string;
  readonly name: string;
}

const subdivisionsByCountry = new Map<string, Map<string, Subdivision>>(
  NORTH_AMERICA.map((country) => [
    country,
    new Map(
      iso31662
        .filter((entry) => entry.parent === country)
        .map((entry) => {
          const code = entry.code.slice(country.length + 1);
          return [code, { code, name: entry.name }];
        }),
    ),
  ]),
);

/** States/provinces of US, CA or MX; undefined for other countries (not checked). */
export function subdivisionsOf(country: string): readonly Subdivision[] | undefined {
  const found = subdivisionsByCountry.get(country);
  return found ? [...found.values()] : undefined;
}

export function findSubdivision(country: string, code: string): Subdivision | undefined {
  return subdivisionsByCountry.get(country)?.get(code);
}

/** Which North American country a state/province code belongs to (first match: US, CA, MX). */
export function countryOfSubdivision(code: string): NorthAmericanCountry | undefined {
  return NORTH_AMERICA.find((country) => subdivisionsByCountry.get(country)?.has(code));
}
