/**
 * The filing life cycle in the words dispatchers use (docs/edi.md, Sync with CBP):
 * draft → transmitted → accepted / rejected → entry on file → arrived → released; cancelled.
 */
import type { FilingStatus } from './api/filing';

const WORDS: Record<FilingStatus, string> = {
  draft: 'Draft',
  transmitted: 'Transmitted',
  accepted: 'Accepted',
  rejected: 'Rejected',
  'entry-on-file': 'Entry on file',
  arrived: 'Arrived',
  released: 'Released',
  'on-hold': 'On hold',
  cancelled: 'Cancelled',
  deleted: 'Deleted at CBP',
};

// Shade 9 of each meets WCAG AA contrast on white and on a striped row (green and orange do not).
const COLOURS: Record<FilingStatus, string> = {
  draft: 'gray',
  transmitted: 'indigo',
  accepted: 'blue',
  rejected: 'red',
  'entry-on-file': 'cyan',
  arrived: 'cyan',
  released: 'teal',
  'on-hold': 'grape',
  cancelled: 'gray',
  deleted: 'gray',
};

export function statusWords(status: FilingStatus): string {
  return WORDS[status];
}

export function statusColour(status: FilingStatus): string {
  return COLOURS[status];
}
