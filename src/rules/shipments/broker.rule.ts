import { childPointer, type Issue } from '../../domain/index.js';
import { isEmailShaped } from '../parties/contact-formats.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank, shipmentsOf } from '../support/shipments.js';
import {
  ABI_CATAIR_FILER_CODE,
  ACE_HIGHWAY_CARRIER_REQUIREMENTS,
  OWN_CHECK,
  cite,
} from '../sources.js';

const MISSING_FOR_PAPS: IssueDefinition = {
  code: 'BROKER_MISSING_FOR_PAPS',
  severity: 'warning',
  title: 'A PAPS shipment names no customs broker',
  fix: 'Choose the broker who files the entry and send them the SCN; without their entry on file the truck is held ("No Bill on File").',
  source: cite(ACE_HIGHWAY_CARRIER_REQUIREMENTS, OWN_CHECK.brokerForPaps),
};

const FILER_CODE_MISSING: IssueDefinition = {
  code: 'BROKER_FILER_CODE_MISSING',
  severity: 'warning',
  title: 'The broker has no filer code',
  fix: "Add the broker's 3-character CBP filer code; CBP identifies brokers by it, not by name.",
  source: cite(ABI_CATAIR_FILER_CODE, OWN_CHECK.brokerForPaps),
};

const FILER_CODE_FORMAT: IssueDefinition = {
  code: 'BROKER_FILER_CODE_FORMAT',
  severity: 'error',
  title: 'The broker filer code is not 3 letters or digits',
  fix: "Enter the broker's CBP filer code: exactly 3 upper-case letters or digits, e.g. N7B.",
  source: ABI_CATAIR_FILER_CODE,
};

const EMAIL_FORMAT: IssueDefinition = {
  code: 'BROKER_EMAIL_FORMAT',
  severity: 'warning',
  title: 'The broker e-mail address is not shaped like one',
  fix: 'Correct the address (name@domain.tld); the broker is sent the SCN and status changes there.',
  source: OWN_CHECK.brokerEmail,
};

/** The filer code is 3 characters; CBP assigns letters and digits, always upper case. */
export const FILER_CODE = /^[A-Z0-9]{3}$/;

/**
 * The broker is optional, but a PAPS shipment is released only against an entry the broker
 * files under its SCN, so leaving the broker out of a PAPS shipment is worth a warning.
 */
export const brokerRule: Rule = {
  id: 'broker',
  issues: [MISSING_FOR_PAPS, FILER_CODE_MISSING, FILER_CODE_FORMAT, EMAIL_FORMAT],
  check(document) {
    return shipmentsOf(document).flatMap(({ shipment, path }) => {
      const { broker } = shipment;
      const at = childPointer(path, 'broker');
      if (broker === undefined) {
        return shipment.type === 'PAPS'
          ? [
              raise(
                MISSING_FOR_PAPS,
                at,
                'The PAPS shipment names no customs broker to file its entry.',
              ),
            ]
          : [];
      }
      const issues: Issue[] = [];
      if (isBlank(broker.filerCode)) {
        issues.push(
          raise(
            FILER_CODE_MISSING,
            childPointer(at, 'filerCode'),
            `The broker${isBlank(broker.name) ? '' : ` "${broker.name}"`} has no filer code.`,
          ),
        );
      } else if (!FILER_CODE.test(broker.filerCode)) {
        issues.push(
          raise(
            FILER_CODE_FORMAT,
            childPointer(at, 'filerCode'),
            `"${broker.filerCode}" is not a broker filer code of 3 upper-case letters or digits.`,
          ),
        );
      }
      if (!isBlank(broker.email) && !isEmailShaped(broker.email)) {
        issues.push(
          raise(
            EMAIL_FORMAT,
            childPointer(at, 'email'),
            `"${broker.email}" is not an e-mail address.`,
          ),
        );
      }
      return issues;
    });
  },
};
