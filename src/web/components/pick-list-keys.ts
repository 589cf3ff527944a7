/**
 * Enter and Tab in an open pick-list (Mantine's Select and Autocomplete), set once for every
 * one in the theme (src/web/app/providers.tsx). Mantine chooses on Enter only an option the
 * arrow keys (or `selectFirstOptionOnChange`) highlighted, and otherwise lets Enter through to
 * the form: "Windsor" typed in the port of arrival and Enter saved the trip with the old port,
 * and "ON" in Province of Loading created a near-empty shipment, spending an SCN. Tab left the
 * box blank even with one match. Here, while the list is open, Enter never submits the form and
 * chooses the highlighted or the only option; Tab (in a Select) chooses the highlighted match of
 * what was typed before focus moves on.
 */
import type { KeyboardEvent } from 'react';

/** The option Enter or Tab would choose: the highlighted one, else the only one listed. */
function optionToChoose(input: HTMLInputElement): HTMLElement | undefined {
  const listId = input.getAttribute('aria-controls');
  const list = listId === null ? null : input.ownerDocument.getElementById(listId);
  if (list === null) return undefined;
  const highlighted = list.querySelector<HTMLElement>('[data-combobox-selected]');
  if (highlighted !== null) return highlighted;
  const options = list.querySelectorAll<HTMLElement>(
    '[data-combobox-option]:not([data-combobox-disabled])',
  );
  return options.length === 1 ? options[0] : undefined;
}

function listOpen(input: HTMLInputElement): boolean {
  return input.getAttribute('aria-expanded') === 'true' && !input.readOnly;
}

/**
 * Runs before Mantine's own key handling (its target calls the input's `onKeyDown` first), so
 * it leaves to Mantine the Enter on a highlighted option and clicks only the one Mantine would not.
 */
function pickListKeys(
  event: KeyboardEvent<HTMLInputElement>,
  { tabChooses }: { readonly tabChooses: boolean },
): void {
  const input = event.currentTarget;
  if (!listOpen(input) || event.nativeEvent.isComposing) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    const option = optionToChoose(input);
    if (option !== undefined && !option.hasAttribute('data-combobox-selected')) option.click();
  } else if (event.key === 'Tab' && tabChooses && input.value.trim() !== '') {
    const option = optionToChoose(input);
    // The option already chosen is left alone: clicking it again would only close the list.
    if (option !== undefined && !option.hasAttribute('data-combobox-active')) option.click();
  }
}

/** For Select: a choice from a fixed list, so Tab with a match typed chooses it too. */
export function selectKeys(event: KeyboardEvent<HTMLInputElement>): void {
  pickListKeys(event, { tabChooses: true });
}

/** For Autocomplete: free text with suggestions, so Tab keeps what was typed. */
export function autocompleteKeys(event: KeyboardEvent<HTMLInputElement>): void {
  pickListKeys(event, { tabChooses: false });
}
