import type { InputWrapperProps } from '@mantine/core';

/**
 * The order of a field's parts where it sits beside buttons in a row aligned at the bottom
 * (search boxes, pickers with an Add button): the hint stays between the label and the box, so
 * the box lines up with the buttons. Everywhere else the hint goes under the box (the theme's
 * default, providers.tsx), so the boxes of a row of fields line up whether or not each has one.
 */
export const HINT_ABOVE: NonNullable<InputWrapperProps['inputWrapperOrder']> = [
  'label',
  'description',
  'input',
  'error',
];
