/**
 * Country and state/province pickers. Countries are ISO 3166-1 alpha-2 and states/provinces
 * ISO 3166-2 without the country prefix (`ON`, `TX`, `BCN`), as the trip document stores them;
 * the U.S., Canada and Mexico come first, since almost every border crossing involves them.
 */
import { Grid, TextInput, type GridColProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { allCountries, NORTH_AMERICA, subdivisionsOf } from '../../codes/countries.js';
import { BlankableSelect } from './blankable-select';

const everyCountry = allCountries();
const countryChoices = [
  ...NORTH_AMERICA.map((code) => everyCountry.find((country) => country.code === code)),
  ...everyCountry.filter((country) => !(NORTH_AMERICA as readonly string[]).includes(country.code)),
]
  .filter((country) => country !== undefined)
  .map((country) => ({ value: country.code, label: `${country.name} (${country.code})` }));

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: ReactNode;
  readonly description?: string;
}

export function CountrySelect(props: FieldProps) {
  return (
    <BlankableSelect
      {...props}
      placeholder="Type to find a country"
      data={countryChoices}
      searchable
      clearable
      nothingFoundMessage="No country by that name"
    />
  );
}

/** A list for the U.S., Canada and Mexico (the ones CBP checks); free text elsewhere. */
export function SubdivisionField(props: FieldProps & { readonly country: string }) {
  const { country, ...field } = props;
  const subdivisions = subdivisionsOf(country);
  if (subdivisions === undefined) {
    return (
      <TextInput
        label={props.label}
        description={props.description}
        value={props.value}
        onChange={(event) => {
          props.onChange(event.currentTarget.value);
        }}
        error={props.error}
      />
    );
  }
  const choices = subdivisions
    .map((entry) => ({ value: entry.code, label: `${entry.name} (${entry.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return (
    <BlankableSelect
      {...field}
      placeholder="Type to find one"
      data={choices}
      searchable
      clearable
      nothingFoundMessage="None by that name"
    />
  );
}

/**
 * A country and its state/province side by side, as two grid columns. A state or province
 * belongs to one country, so choosing another country empties it.
 */
export function CountryAndSubdivisionColumns(props: {
  readonly span: GridColProps['span'];
  readonly countryLabel: string;
  readonly subdivisionLabel: string;
  readonly country: string;
  readonly subdivision: string;
  readonly onCountryChange: (country: string) => void;
  readonly onSubdivisionChange: (code: string) => void;
  readonly countryError?: ReactNode;
  readonly subdivisionError?: ReactNode;
}) {
  return (
    <>
      <Grid.Col span={props.span}>
        <CountrySelect
          label={props.countryLabel}
          value={props.country}
          onChange={(country) => {
            props.onCountryChange(country);
            props.onSubdivisionChange('');
          }}
          error={props.countryError}
        />
      </Grid.Col>
      <Grid.Col span={props.span}>
        <SubdivisionField
          label={props.subdivisionLabel}
          country={props.country}
          value={props.subdivision}
          onChange={props.onSubdivisionChange}
          error={props.subdivisionError}
        />
      </Grid.Col>
    </>
  );
}
