import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { allCommodities, isBlank } from '../support/shipments.js';
import { HARMONIZED_TARIFF_SCHEDULE } from '../sources.js';

const HTS_FORMAT: IssueDefinition = {
  code: 'COMMODITY_HARMONIZED_CODE_FORMAT',
  severity: 'error',
  title: 'The HTS code is not 6 to 10 digits',
  fix: 'Enter the Harmonized Tariff Schedule number: 6 to 10 digits, dots allowed (1104.12 or 1104120000).',
  source: HARMONIZED_TARIFF_SCHEDULE,
};

/** Dots are how people write HTS numbers (1104.12.00.00); only the digits count. */
export function htsDigits(code: string): string {
  return code.trim().replaceAll('.', '');
}

const HTS = /^\d{6,10}$/;

/** Optional except for in-bond (see in-bond-commodities); when given, 6–10 digits. */
export const commodityHarmonizedCodeRule: Rule = {
  id: 'commodity-harmonized-code',
  issues: [HTS_FORMAT],
  check(document) {
    return allCommodities(document).flatMap(({ commodity, path }) => {
      const code = commodity.harmonizedCode;
      if (isBlank(code) || HTS.test(htsDigits(code))) return [];
      return [
        raise(
          HTS_FORMAT,
          childPointer(path, 'harmonizedCode'),
          `"${code}" is not an HTS number of 6 to 10 digits.`,
        ),
      ];
    });
  },
};
