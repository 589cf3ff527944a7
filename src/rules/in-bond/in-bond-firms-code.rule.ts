import { childPointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { carrierInBonds } from './in-bond-shipments.js';
import { FIRMS_CODES } from '../sources.js';

const FIRMS_FORMAT: IssueDefinition = {
  code: 'IN_BOND_FIRMS_CODE_FORMAT',
  severity: 'error',
  title: 'The destination FIRMS code is not a letter and 3 letters or digits',
  fix: 'Enter the 4-character FIRMS code of the bonded facility at destination, e.g. H123.',
  source: FIRMS_CODES,
};

const FIRMS = /^[A-Z][A-Z0-9]{3}$/;

/** The bonded facility at destination, when known, is named by its 4-character FIRMS code. */
export const inBondFirmsCodeRule: Rule = {
  id: 'in-bond-firms-code',
  issues: [FIRMS_FORMAT],
  check(document) {
    return carrierInBonds(document).flatMap(({ inBond, path }) =>
      isBlank(inBond.firmsCode) || FIRMS.test(inBond.firmsCode)
        ? []
        : [
            raise(
              FIRMS_FORMAT,
              childPointer(path, 'firmsCode'),
              `"${inBond.firmsCode}" is not a FIRMS code (a letter followed by 3 letters or digits).`,
            ),
          ],
    );
  },
};
