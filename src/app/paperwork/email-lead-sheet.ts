/**
 * emailLeadSheet(deps, actor, { tripId, to, variant?, driverName?, size? }) → { to, messageId }
 * — sends the stored trip's lead sheet as a PDF attachment to the driver (dispatcher), with the
 * trip number, port and port-local ETA in the text. Audited on the trip (`lead_sheet_emailed`,
 * with the address). No mailer configured: INVALID_STATE; the mail server refusing or not
 * answering: DELIVERY_FAILED (nothing is audited then).
 */
import { etaText, portText } from '../../documents/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import { AppError } from '../shared/errors.js';
import { InputChecks, isEmail } from '../shared/input-checks.js';
import { MailDeliveryError } from '../shared/ports/mailer.js';
import { renderLeadSheet, type LeadSheetInput } from './render-lead-sheet.js';
import type { PaperworkDeps } from './support/paperwork-deps.js';

export interface EmailLeadSheetInput extends LeadSheetInput {
  readonly to: string;
}

export async function emailLeadSheet(
  deps: PaperworkDeps,
  actor: Actor,
  input: EmailLeadSheetInput,
): Promise<{ readonly to: string; readonly messageId: string }> {
  requireEditor(actor);
  const to = input.to.trim();
  new InputChecks()
    .check(
      isEmail(to),
      'MAIL_RECIPIENT_INVALID',
      '/to',
      'Give one e-mail address, name@example.com.',
    )
    .throwIfAny('E-mail');
  // The trip first, so another company's trip is NOT_FOUND whatever the service's set-up; read
  // once: the text below is written from the document the sheet was printed from.
  const sheet = await renderLeadSheet(deps, actor, input);
  const { document } = sheet;
  const mailer = deps.mailer;
  if (mailer === undefined) {
    throw new AppError(
      'INVALID_STATE',
      'This service sends no e-mail: its operator has not set SMTP_URL and MAIL_FROM.',
    );
  }
  const tripNumber = document.tripNumber ?? '';
  const lines = [
    `The lead sheet of trip ${tripNumber} is attached (${sheet.filename}).`,
    '',
    `Port of arrival: ${portText(document.usPortOfArrival) || 'not given'}`,
    `Estimated arrival: ${etaText(document) || 'not given'}`,
    '',
    'Print it and hand it to the CBP officer at the primary inspection booth.',
  ];
  let messageId: string;
  try {
    ({ messageId } = await mailer.send({
      to,
      subject: `Lead sheet, trip ${tripNumber}`,
      text: lines.join('\n') + '\n',
      attachments: [
        { filename: sheet.filename, contentType: 'application/pdf', content: sheet.pdf },
      ],
    }));
  } catch (error) {
    if (error instanceof MailDeliveryError) throw new AppError('DELIVERY_FAILED', error.message);
    throw error;
  }
  await deps.store.transaction((repos) =>
    recordChange(repos, deps, actor, {
      entityType: 'trip',
      entityId: input.tripId,
      tripId: input.tripId,
      action: 'lead_sheet_emailed',
      after: { to, messageId, filename: sheet.filename },
    }),
  );
  return { to, messageId };
}
