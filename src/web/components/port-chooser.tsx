/**
 * The U.S. port of arrival, chosen by typing: the code, the port's name or state, or the
 * Canadian or Mexican town across the border ("Windsor" finds Detroit). The trip editor's and
 * the company's default port are chosen the same way.
 */
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { memo } from 'react';
import { allPorts, foreignSideOf, portSearchText } from '../../codes/ports.js';

const choices: ComboboxItem[] = allPorts().map((port) => {
  const across = foreignSideOf(port.code);
  const town =
    across === undefined ? '' : ` — ${across.places.split(';').join(', ')}, ${across.subdivision}`;
  return { value: port.code, label: `${port.name}, ${port.state} (${port.code})${town}` };
});

const byTownToo: OptionsFilter = ({ options, search }) => {
  const words = search
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return (options as ComboboxItem[]).filter((option) => {
    const text = `${portSearchText(option.value)} ${option.label.toLowerCase()}`;
    return words.every((word) => text.includes(word));
  });
};

/** Memoised: its list holds every land port, drawn again only when its own props change. */
export const PortChooser = memo(function PortChooser(props: {
  readonly value: string | undefined;
  readonly onChange: (code: string | undefined) => void;
  readonly error?: string | undefined;
  /** A warning (FieldIssues in src/web/lib/field-id.ts). */
  readonly success?: string | undefined;
  readonly id: string;
  readonly readOnly?: boolean;
  readonly label?: string;
}) {
  return (
    <Select
      id={props.id}
      label={props.label ?? 'Port of arrival'}
      description="Type the port, its code, or the Canadian or Mexican town across the border"
      placeholder="e.g. Windsor, Laredo, 0901"
      data={choices}
      filter={byTownToo}
      value={props.value ?? null}
      onChange={(value) => {
        props.onChange(value ?? undefined);
      }}
      searchable
      clearable
      readOnly={props.readOnly}
      error={props.error}
      success={props.success}
      limit={50}
      nothingFoundMessage="No land port matches"
    />
  );
});
