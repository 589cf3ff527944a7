import { describe, expect, it } from 'vitest';
import {
  allCountries,
  countryName,
  countryOfSubdivision,
  findEquipmentType,
  findPackagingUnit,
  findPort,
  foreignSideOf,
  findShipmentType,
  findSubdivision,
  findTravelDocumentType,
  isCountry,
  searchPorts,
  subdivisionsOf,
} from './index.js';

describe('code lists', () => {
  it('finds a land port with its IANA time zone', () => {
    expect(findPort('0901')).toMatchObject({
      name: 'Buffalo-Niagara Falls',
      timeZone: 'America/New_York',
    });
    expect(findPort('2604')).toMatchObject({ state: 'AZ', timeZone: 'America/Phoenix' });
    expect(findPort('9999')).toBeUndefined();
  });

  it('finds a port by the Canadian or Mexican town across the border', () => {
    expect(foreignSideOf('3801')).toMatchObject({ places: 'Windsor', country: 'CA' });
    expect(searchPorts('windsor').map((port) => port.name)).toContain('Detroit');
    expect(searchPorts('Nuevo Laredo').map((port) => port.state)).toEqual(
      expect.arrayContaining(['TX']),
    );
    // Accents and case do not matter; every word must match.
    expect(searchPorts('saint-leonard').map((port) => port.code)).toEqual(['0108']);
    expect(searchPorts('buffalo 0901').map((port) => port.code)).toEqual(['0901']);
    expect(searchPorts('no such town')).toEqual([]);
    // Every foreign-side row names a port of the Schedule D list.
    for (const port of searchPorts('')) expect(findPort(port.code)).toBeDefined();
  });

  it('finds CBP codes from the reference lists', () => {
    expect(findPackagingUnit('PLT')?.name).toBe('Pallet');
    expect(findEquipmentType('TL')?.name).toBe('Semi truck trailer');
    expect(findTravelDocumentType('5K')?.issuerRequired).toBe('state/province');
    expect(findShipmentType('SECTION_321')?.valueAndOriginRequired).toBe('yes');
    expect(findPackagingUnit('plt')).toBeUndefined();
  });

  it('lists every ISO country once, by name, for pickers', () => {
    const countries = allCountries();
    expect(countries.length).toBeGreaterThan(240);
    expect(new Set(countries.map((country) => country.code)).size).toBe(countries.length);
    expect(countries).toContainEqual({ code: 'CA', name: 'Canada' });
    const names = countries.map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('knows ISO countries', () => {
    expect(isCountry('CA')).toBe(true);
    expect(countryName('MX')).toBe('Mexico');
    expect(isCountry('XX')).toBe(false);
  });

  it('lists the states and provinces of the U.S., Canada and Mexico, and no others', () => {
    expect(subdivisionsOf('CA')?.map((s) => s.code)).toContain('ON');
    expect(subdivisionsOf('US')?.length).toBeGreaterThanOrEqual(51);
    expect(subdivisionsOf('MX')?.map((s) => s.code)).toContain('NLE');
    expect(subdivisionsOf('FR')).toBeUndefined();
    expect(findSubdivision('US', 'NY')?.name).toBe('New York');
    expect(findSubdivision('US', 'ON')).toBeUndefined();
    expect(countryOfSubdivision('QC')).toBe('CA');
    expect(countryOfSubdivision('BCN')).toBe('MX');
  });
});
