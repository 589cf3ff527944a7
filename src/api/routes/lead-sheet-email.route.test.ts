import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCompany,
  anApiToken,
  call,
  signedInHarness,
  signIn,
  startHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { aTrip } from '../../../test/builders.js';
import { pdfText } from '../../../test/pdf-tools.js';
import { headerOf, mimeParts, startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.js';
import { createSmtpMailer, type SmtpMailer } from '../../mail/smtp-mailer.js';

let sink: SmtpSink;
let mailer: SmtpMailer;
let harness: Harness;
let unconfigured: Harness;
let admin: Credentials;
let viewer: Credentials;
let tripId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createSmtpMailer({ smtpUrl: sink.url, from: 'DEMO Dispatch <dispatch@demo.example>' });
  ({ harness, admin } = await signedInHarness('DEMO', { appDeps: { mailer } }));
  unconfigured = await startHarness();
  viewer = await anApiToken(harness, admin, 'viewer');
  const created = await call(harness, admin, 'POST', '/api/v1/trips', { body: aTrip() });
  tripId = created.json<{ trip: { id: string } }>().trip.id;
});
afterAll(async () => {
  mailer.close();
  await harness.close();
  await unconfigured.close();
  await sink.close();
});

describe('POST /trips/{id}/lead-sheet/email', () => {
  it('sends the lead sheet as a PDF attachment that pdftotext reads, and audits it', async () => {
    const before = sink.received.length;
    const response = await call(
      harness,
      admin,
      'POST',
      `/api/v1/trips/${tripId}/lead-sheet/email`,
      {
        body: { to: ' Jean.Tremblay@driver.example ', variant: 'detailed' },
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<{ to: string; messageId: string }>();
    expect(answer.to).toBe('Jean.Tremblay@driver.example');
    expect(sink.received).toHaveLength(before + 1);
    const mail = sink.received.at(-1);
    expect(mail?.to).toEqual(['Jean.Tremblay@driver.example']);
    expect(headerOf(mail?.raw ?? '', 'Message-ID')).toBe(answer.messageId);
    expect(headerOf(mail?.raw ?? '', 'Subject')).toBe('Lead sheet, trip DEMO2026112801');
    const parts = mimeParts(mail?.raw ?? '');
    const text = parts.find((part) => /content-type:\s*text\/plain/i.test(part.headers));
    expect(text?.body.toString()).toContain(
      'Estimated arrival: 2026-11-28 12:00 EST (America/New_York)',
    );
    const attachment = parts.find((part) => /content-type:\s*application\/pdf/i.test(part.headers));
    expect(attachment?.headers).toContain('DEMO2026112801-lead-sheet.pdf');
    const pdf = new Uint8Array(attachment?.body ?? []);
    const printed = pdfText(pdf);
    expect(printed).toContain('Trip number: DEMO2026112801');
    expect(printed).toContain('1M8GDM9AXKP042788'); // Detailed: the truck's VIN
    const history = await call(
      harness,
      admin,
      'GET',
      `/api/v1/trips/${tripId}/export-with-history`,
    );
    const actions = history.json<{ history: { action: string; after: unknown }[] }>().history;
    expect(actions.find((entry) => entry.action === 'lead_sheet_emailed')?.after).toMatchObject({
      to: 'Jean.Tremblay@driver.example',
      messageId: answer.messageId,
    });
  });

  it('refuses a malformed address (422), a viewer (403), and sends nothing', async () => {
    const before = sink.received.length;
    const bad = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/lead-sheet/email`, {
      body: { to: 'jean at driver' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ issues: { code: string; path: string }[] }>().issues).toMatchObject([
      { code: 'MAIL_RECIPIENT_INVALID', path: '/to' },
    ]);
    const forbidden = await call(
      harness,
      viewer,
      'POST',
      `/api/v1/trips/${tripId}/lead-sheet/email`,
      {
        body: { to: 'jean@driver.example' },
      },
    );
    expect(forbidden.statusCode).toBe(403);
    expect(sink.received).toHaveLength(before);
  });

  it('answers 502 DELIVERY_FAILED with the reason when the mail server refuses, and audits nothing', async () => {
    const audited = async () => {
      const history = await call(
        harness,
        admin,
        'GET',
        `/api/v1/trips/${tripId}/export-with-history`,
      );
      return history
        .json<{ history: { action: string; after: unknown }[] }>()
        .history.filter((entry) => entry.action === 'lead_sheet_emailed');
    };
    const before = await audited();
    sink.refuseWith('Relay access denied');
    const response = await call(
      harness,
      admin,
      'POST',
      `/api/v1/trips/${tripId}/lead-sheet/email`,
      {
        body: { to: 'jean@driver.example' },
      },
    );
    sink.refuseWith(undefined);
    expect(response.statusCode).toBe(502);
    expect(response.json<{ code: string; detail: string }>()).toMatchObject({
      code: 'DELIVERY_FAILED',
      detail: expect.stringContaining('Relay access denied') as unknown,
    });
    // Only a sent e-mail is audited: the trip's history shows no e-mail that never left.
    expect(await audited()).toEqual(before);
  });

  it('answers 409 when the service has no mail server configured', async () => {
    const demo = await aCompany(unconfigured, 'DEMO');
    const session = await signIn(unconfigured, demo.email);
    const created = await call(unconfigured, session, 'POST', '/api/v1/trips', { body: aTrip() });
    const id = created.json<{ trip: { id: string } }>().trip.id;
    const response = await call(
      unconfigured,
      session,
      'POST',
      `/api/v1/trips/${id}/lead-sheet/email`,
      {
        body: { to: 'jean@driver.example' },
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json<{ detail: string }>().detail).toContain('SMTP_URL');
  });
});
