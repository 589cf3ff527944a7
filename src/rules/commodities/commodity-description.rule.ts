import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import { OWN_CHECK, TRUCK_CARGO_ADVANCE_INFO } from '../sources.js';

/**
 * The commercial UI and bulk-upload CSV cap descriptions at 45 characters; CBP publishes no such
 * limit (docs/regulations.md#commodity-descriptions-of-at-most-45-characters).
 */
export const MAX_DESCRIPTION_LENGTH = 45;

const DESCRIPTION_REQUIRED: IssueDefinition = {
  code: 'COMMODITY_DESCRIPTION_REQUIRED',
  severity: 'error',
  title: 'A commodity has no description',
  fix: 'Describe the goods plainly enough for an officer to know what they are, e.g. "Rolled oats in paper bags".',
  source: TRUCK_CARGO_ADVANCE_INFO,
};

const DESCRIPTION_TOO_LONG: IssueDefinition = {
  code: 'COMMODITY_DESCRIPTION_TOO_LONG',
  severity: 'error',
  title: `A commodity description is longer than ${MAX_DESCRIPTION_LENGTH} characters`,
  fix: `Shorten the description to ${MAX_DESCRIPTION_LENGTH} characters; split different goods into separate commodity lines.`,
  source: OWN_CHECK.descriptionLength,
};

/** Every commodity is described in 1–45 characters. */
export const commodityDescriptionRule: Rule = {
  id: 'commodity-description',
  issues: [DESCRIPTION_REQUIRED, DESCRIPTION_TOO_LONG],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path }) => {
      const { description } = commodity;
      if (isBlank(description)) {
        return [
          raise(
            DESCRIPTION_REQUIRED,
            childPointer(path, 'description'),
            'The commodity has no description.',
          ),
        ];
      }
      const length = description.trim().length;
      if (length > MAX_DESCRIPTION_LENGTH) {
        return [
          raise(
            DESCRIPTION_TOO_LONG,
            childPointer(path, 'description'),
            `The description "${description}" has ${length} characters, more than ${MAX_DESCRIPTION_LENGTH}.`,
          ),
        ];
      }
      return [];
    });
  },
};
