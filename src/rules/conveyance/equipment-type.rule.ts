import { findEquipmentType } from '../../codes/index.js';
import { isTripDocument, pointer } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { ACE_EQUIPMENT_TYPE_CODES } from '../sources.js';

const TYPE_REQUIRED: IssueDefinition = {
  code: 'EQUIPMENT_TYPE_REQUIRED',
  severity: 'error',
  title: 'A trailer has no equipment type',
  fix: 'Choose the equipment type code, e.g. TL semi truck trailer or TF dry freight trailer (docs/code-lists.md).',
  source: ACE_EQUIPMENT_TYPE_CODES,
};

const TYPE_UNKNOWN: IssueDefinition = {
  code: 'EQUIPMENT_TYPE_UNKNOWN',
  severity: 'error',
  title: "A trailer's equipment type is not a CBP code",
  fix: 'Use a code from the equipment type list, e.g. TL semi truck trailer (docs/code-lists.md).',
  source: ACE_EQUIPMENT_TYPE_CODES,
};

/** Every trailer or container carries one of CBP's equipment type codes. */
export const equipmentTypeRule: Rule = {
  id: 'equipment-type',
  aboutTrip: true,
  issues: [TYPE_REQUIRED, TYPE_UNKNOWN],
  check(document) {
    if (!isTripDocument(document)) return [];
    return (document.trailers ?? []).flatMap((trailer, index) => {
      const path = pointer('trailers', index, 'type');
      const type = trailer.type;
      const named = isBlank(trailer.number)
        ? `Trailer ${index + 1}`
        : `Trailer "${trailer.number}"`;
      if (isBlank(type)) return [raise(TYPE_REQUIRED, path, `${named} has no equipment type.`)];
      if (findEquipmentType(type.trim().toUpperCase()) !== undefined) return [];
      return [raise(TYPE_UNKNOWN, path, `"${type}" is not a CBP equipment type code.`)];
    });
  },
};
