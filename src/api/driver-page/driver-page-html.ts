/**
 * The driver's page as one server-rendered HTML document: phone-sized, no script, no external
 * request (styles inline, barcodes as inline SVG), so it opens on a weak signal at the border
 * and works with JavaScript off. Everything from the trip is escaped.
 */
import type { DriverPage, DriverPageRefusal } from '../../app/index.js';
import { etaText, portText, truckPlate } from '../../documents/index.js';
import type { Shipment } from '../../domain/index.js';
import { code39Svg, qrSvg } from './barcode-svg.js';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; }
main { max-width: 480px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
.company { color: #444; margin: 0 0 12px; }
.qr { background: #fff; padding: 16px; margin: 0 auto 8px; width: min(100%, 340px); }
.qr svg { display: block; width: 100%; height: auto; }
.code39 { margin: 8px auto 16px; width: 100%; padding: 8px 12px; background: #fff; }
.code39 svg { display: block; width: 100%; height: 72px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0 0 16px; }
dt { font-weight: 600; }
dd { margin: 0; }
.download { display: block; text-align: center; padding: 14px; margin: 16px 0; background: #0b4f8a; color: #fff; border-radius: 8px; font-weight: 600; text-decoration: none; font-size: 1.1rem; }
ul.shipments { list-style: none; padding: 0; margin: 0; }
ul.shipments li { border-top: 1px solid #ddd; padding: 8px 0; }
.scn { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
.note { color: #444; font-size: 0.9rem; }
.problem { border-left: 4px solid #b3261e; padding: 8px 12px; background: #fdecea; }
`;

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const countText = (n: number): string => n.toLocaleString('en-US');

function shipmentItem(shipment: Shipment): string {
  const consignee = shipment.consignee;
  const where = [consignee?.address?.city, consignee?.address?.stateProvince]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
  const pieces = (shipment.commodities ?? []).reduce((sum, c) => sum + (c.quantity ?? 0), 0);
  return `<li><span class="scn">${escapeHtml(shipment.shipmentControlNumber ?? '')}</span> · ${escapeHtml(shipment.type ?? '')}<br>${escapeHtml(consignee?.name ?? '')}${where === '' ? '' : ` (${escapeHtml(where)})`}${pieces > 0 ? ` · ${pieces} pieces` : ''}</li>`;
}

/** The page of a link that opened: codes, port and ETA, shipments, the PDF to download. */
export function driverPageHtml(
  page: Extract<DriverPage, { ok: true }>,
  leadSheetHref: string,
): string {
  const trip = page.trip;
  const tripNumber = trip.tripNumber?.trim() ?? '';
  const shipments = trip.shipments ?? [];
  const count = page.shipmentCount;
  const more = count - shipments.length;
  const drivers = (trip.drivers ?? [])
    .map((driver) => [driver.firstName, driver.lastName].filter(Boolean).join(' '))
    .join(', ');
  const qr =
    'payload' in page.qr
      ? `<div class="qr" data-qr-payload="${escapeHtml(page.qr.payload)}">${qrSvg(page.qr.payload)}</div>`
      : `<p class="problem">No CBP QR code: the trip's data is incomplete (${escapeHtml(
          page.qr.issues.map((issue) => issue.message).join(' '),
        )}). Ask your dispatcher.</p>`;
  const body = `
<h1>Trip ${escapeHtml(tripNumber)}</h1>
<p class="company">${escapeHtml(page.companyName)} · ACE Electronic Manifest</p>
${qr}
${tripNumber === '' ? '' : `<div class="code39">${code39Svg(tripNumber)}</div>`}
<dl>
<dt>Port</dt><dd>${escapeHtml(portText(trip.usPortOfArrival) || 'not given')}</dd>
<dt>ETA</dt><dd>${escapeHtml(etaText(trip) || 'not given')}</dd>
<dt>Truck plate</dt><dd>${escapeHtml(truckPlate(trip) || 'not given')}</dd>
${drivers === '' ? '' : `<dt>Driver</dt><dd>${escapeHtml(drivers)}</dd>`}
</dl>
<a class="download" href="${escapeHtml(leadSheetHref)}" download>Download the lead sheet (PDF)</a>
<h2>${countText(count)} shipment${count === 1 ? '' : 's'}</h2>
${shipments.length === 0 ? '<p>No shipments (empty truck).</p>' : `<ul class="shipments">${shipments.map(shipmentItem).join('')}</ul>`}
${more > 0 ? `<p class="note">The first ${countText(shipments.length)} of ${countText(count)} shipments are listed here; ${countText(more)} more are on the trip.</p>` : ''}
<p class="note">Show the QR code to the CBP officer at the booth. This page is read-only and works until ${escapeHtml(page.link.expiresAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}.</p>`;
  return document(`Trip ${tripNumber}`, body);
}

const REFUSALS: Readonly<Record<DriverPageRefusal, { title: string; text: string }>> = {
  invalid: {
    title: 'This link is not valid',
    text: 'The address is incomplete or was changed. Open the link exactly as your dispatcher sent it, or ask for a new one.',
  },
  expired: {
    title: 'This link has expired',
    text: 'Links to the driver’s page work for a limited time. Ask your dispatcher for a new one.',
  },
  revoked: {
    title: 'This link was withdrawn',
    text: 'Your dispatcher withdrew this link or the trip was removed. Ask your dispatcher for the current one.',
  },
};

export function driverRefusalHtml(reason: DriverPageRefusal): string {
  const refusal = REFUSALS[reason];
  return document(
    refusal.title,
    `<h1>${escapeHtml(refusal.title)}</h1>\n<p class="problem">${escapeHtml(refusal.text)}</p>`,
  );
}
