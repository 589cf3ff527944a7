/**
 * Enter and Tab in an open pick-list (Mantine's Select and Autocomplete), set once for every
 * one in the theme (src/web/app/providers.tsx). Mantine lets Enter through to the form unless
 * its own index of the highlighted option is set, and a timer it starts when the list opens
 * clears that index while the option stays highlighted on screen: "Windsor" typed in the port of
 * arrival and Enter saved the trip with the old port (Buffalo), and "ON" in Province of Loading
 * created a near-empty shipment, spending an SCN. Tab left the box blank even with one match.
 *
 * So, while the list is open, Enter is handled here alone (before Mantine's handler, which it
 * stops): it never submits the form, and it chooses what the list shows highlighted, or else
 * the first match of what was typed (a Select) or the only one (an Autocomplete, whose typed
 * text may stand as it is). Tab, in a Select, chooses the highlighted or only match before focus
 * moves on.
 */
import type { KeyboardEvent } from 'react';

type Kind = 'select' | 'autocomplete';

/**
 * The option to choose, from what the list shows. None while the option already chosen is
 * listed and not highlighted (nothing was picked over it), or when nothing was typed.
 */
function optionToChoose(input: HTMLInputElement, firstMatch: boolean): HTMLElement | undefined {
  const listId = input.getAttribute('aria-controls');
  const list = listId === null ? null : input.ownerDocument.getElementById(listId);
  if (list === null) return undefined;
  const highlighted = list.querySelector<HTMLElement>('[data-combobox-selected]');
  if (highlighted !== null) return highlighted;
  if (input.value.trim() === '' || list.querySelector('[data-combobox-active]') !== null) {
    return undefined;
  }
  const options = list.querySelectorAll<HTMLElement>(
    '[data-combobox-option]:not([data-combobox-disabled])',
  );
  return firstMatch || options.length === 1 ? options[0] : undefined;
}

/** For `onKeyDownCapture`: it runs before Mantine's own `onKeyDown` on the same input. */
function pickListKeys(event: KeyboardEvent<HTMLInputElement>, kind: Kind): void {
  const input = event.currentTarget;
  const open = input.getAttribute('aria-expanded') === 'true' && !input.readOnly;
  if (!open || event.nativeEvent.isComposing) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    event.stopPropagation();
    optionToChoose(input, kind === 'select')?.click();
  } else if (event.key === 'Tab' && kind === 'select') {
    const option = optionToChoose(input, false);
    // The option already chosen is left alone: nothing changes.
    if (option !== undefined && !option.hasAttribute('data-combobox-active')) option.click();
  }
}

/** For Select: a choice from a fixed list, so Enter or Tab chooses the match typed. */
export function selectKeys(event: KeyboardEvent<HTMLInputElement>): void {
  pickListKeys(event, 'select');
}

/** For Autocomplete: free text with suggestions, so Tab keeps what was typed. */
export function autocompleteKeys(event: KeyboardEvent<HTMLInputElement>): void {
  pickListKeys(event, 'autocomplete');
}
