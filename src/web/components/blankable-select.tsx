/**
 * A Select whose "nothing chosen" is the empty string, as form values and drafts hold it
 * (Mantine's Select says null).
 */
import { Select, type SelectProps } from '@mantine/core';

export function BlankableSelect(
  props: Omit<SelectProps, 'value' | 'onChange'> & {
    readonly value: string;
    readonly onChange: (value: string) => void;
  },
) {
  const { value, onChange, ...rest } = props;
  return (
    <Select
      {...rest}
      value={value === '' ? null : value}
      onChange={(chosen) => {
        onChange(chosen ?? '');
      }}
    />
  );
}
