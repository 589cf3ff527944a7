import { conflict, type AppError } from '../../shared/errors.js';

/** A new company's SCAC another company of this service already files under (one per carrier). */
export function scacTaken(scac: string): AppError {
  return conflict(`A carrier with SCAC ${scac} already exists.`, [
    {
      code: 'COMPANY_SCAC_TAKEN',
      severity: 'error',
      path: '/scac',
      message: `Another carrier here files under SCAC ${scac}; a SCAC names one carrier.`,
    },
  ]);
}
