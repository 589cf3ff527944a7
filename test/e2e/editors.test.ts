/**
 * The editors in real Chromium (docs/web-app.md): the trip editor, Start New ACE Shipment,
 * Add Commodity and live validation in a Web Worker, walked through as a dispatcher files a
 * trip; a conflict on save, an expired session on the shipment form, and a viewer's read-only
 * pages. Every page is checked for console errors and serious or critical axe-core findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anInvitedMember,
  apiCall,
  apiSignIn,
  chromiumMissing,
  DEMO_VIEWER,
  endSessionOnServer,
  expectNoSeriousA11yViolations,
  isFocused,
  openBrowser,
  screenshot,
  type Service,
  signInWithForm,
  startService,
} from './browser-harness.js';

const SESSION_PROBE = [/\/api\/v1\/session$/];

/** Port-local date `days` from today, YYYY-MM-DD (a near arrival: not past, not too soon). */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(chromiumMissing)('the editors in Chromium', { timeout: 180_000 }, () => {
  let service: Service;
  let admin: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    service = await startService();
    admin = await apiSignIn(service, service.email, service.password);
    // The address book and a saved driver, as the company would have them after a week of use.
    const created = [
      await apiCall(service, admin, 'POST', '/profiles', {
        kind: 'driver',
        name: 'Marie Gagnon',
        data: {
          firstName: 'Marie',
          lastName: 'Gagnon',
          fastCardNumber: '42705555555566',
          citizenshipCountry: 'CA',
          // Kept with the profile: picking her copies no e-mail into the trip (CBP's crew has none).
          email: 'marie@drivers.example',
        },
      }),
      // A second driver, so the picker's search has one to leave out.
      await apiCall(service, admin, 'POST', '/profiles', {
        kind: 'driver',
        name: 'Luc Bouchard',
        data: { firstName: 'Luc', lastName: 'Bouchard', fastCardNumber: '42705555550001' },
      }),
      await apiCall(service, admin, 'POST', '/parties', {
        kind: 'shipper',
        party: {
          name: 'Maple Parcels Ltd',
          address: {
            addressLine: '200 Ouellette Ave',
            city: 'Windsor',
            stateProvince: 'ON',
            postalCode: 'N9A 1A1',
            country: 'CA',
          },
        },
      }),
      await apiCall(service, admin, 'POST', '/parties', {
        kind: 'consignee',
        party: {
          name: 'Motor City Gifts LLC',
          address: {
            addressLine: '1 Woodward Ave',
            city: 'Detroit',
            stateProvince: 'MI',
            postalCode: '48226',
            country: 'US',
          },
        },
      }),
      await apiCall(service, admin, 'POST', '/parties', {
        kind: 'broker',
        party: { name: 'Ambassador Customs Brokers', filerCode: 'A7B', email: 'entry@example.com' },
      }),
    ];
    for (const response of created) expect(response.status, await response.text()).toBe(201);
    await anInvitedMember(service, admin, DEMO_VIEWER);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
  });

  it('walks a dispatcher through a trip: Section 321 refused, converted to PAPS, the trip clean', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInWithForm(service, browser, service.email, service.password);
      await page.getByRole('heading', { name: 'Trips', exact: true }).waitFor();

      // 1. Start New ACE Trip opens the trip editor with the next trip number.
      await page.getByRole('button', { name: 'Start New ACE Trip' }).click();
      await page.getByRole('heading', { name: /^Trip DEMO\d+/ }).waitFor();
      const tripUrl = page.url();
      expect(new URL(tripUrl).pathname).toMatch(/^\/trips\/.+/);
      const tripNumber = await page.getByLabel('Trip number', { exact: true }).inputValue();
      expect(tripNumber).toMatch(/^DEMO\d{6}$/);

      // Live validation lists the trip's problems; each links to its field.
      const problems = page.getByRole('list', { name: 'Problems in this trip' });
      await problems.getByText('The trip has no estimated arrival date and time.').click();
      await expect.poll(() => isFocused(page.getByLabel(/^ETA date/))).toBe(true);
      // The company's usual port is filled in; this truck crosses at Windsor–Detroit.
      const port = page.getByRole('combobox', { name: 'Port of arrival' });
      expect(await port.inputValue()).toMatch(/^Buffalo-Niagara Falls, NY \(0901\)/);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'trip-editor-new', true);

      // The port found by the Canadian town across the border.
      await port.clear();
      await port.fill('Windsor');
      await page.getByRole('option', { name: /^Detroit, MI \(3801\) — Windsor, ON/ }).click();
      const eta = daysAhead(3);
      await page.getByLabel(/^ETA date/).fill(eta);
      await page.getByLabel(/^ETA time/).fill('10:30');
      // Shown in the port's clock with the zone named.
      await page.getByTestId('eta-shown').getByText(`Arrives ${eta} 10:30 EST`).waitFor();

      const truck = page.getByRole('group', { name: 'Truck' });
      // The saved truck T-101, found by its plate and chosen with the keyboard alone, fills the
      // truck's fields (then typed over for this trip's truck).
      await truck.getByRole('combobox', { name: 'Truck from profiles' }).focus();
      await page.keyboard.type('AB123');
      const savedTruck = page.getByRole('option', { name: 'T-101' });
      await savedTruck.waitFor();
      for (let presses = 0; presses < 3; presses++) {
        if ((await savedTruck.getAttribute('data-combobox-selected')) === 'true') break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => truck.getByLabel('Plate number', { exact: true }).inputValue())
        .toBe('AB12345');
      expect(await truck.getByLabel('Truck number', { exact: true }).inputValue()).toBe('T-101');
      expect(await truck.getByLabel('VIN', { exact: true }).inputValue()).toBe('1M8GDM9AXKP042788');
      await truck.getByLabel('Truck number', { exact: true }).fill('T-202');
      await truck.getByLabel('VIN', { exact: true }).fill('1M8GDM9AXKP042788');
      await truck.getByLabel('Plate number', { exact: true }).fill('BC98765');
      await truck.getByLabel('Plate state or province', { exact: true }).fill('ON');
      await truck.getByLabel('Plate country', { exact: true }).fill('CA');
      // A tractor plated in two jurisdictions: the second plate.
      await truck.getByRole('button', { name: 'Add a second plate to the truck' }).click();
      await truck.getByLabel('Second plate number', { exact: true }).fill('4471MI');
      await truck.getByLabel('Second plate state or province', { exact: true }).fill('MI');
      await truck.getByLabel('Second plate country', { exact: true }).fill('US');
      await truck.getByLabel('Truck seal numbers', { exact: true }).fill('S-1, S-2');

      await page.getByRole('button', { name: 'Add trailer' }).click();
      const trailer = page.getByRole('group', { name: 'Trailer 1' });
      await trailer.getByLabel('Trailer number', { exact: true }).fill('TR-77');
      await trailer.getByRole('combobox', { name: 'Equipment type' }).fill('Semi truck');
      await page.getByRole('option', { name: 'Semi truck trailer (TL)' }).click();
      await trailer.getByLabel('Plate number', { exact: true }).fill('K1234X');
      await trailer.getByLabel('Plate state or province', { exact: true }).fill('ON');
      await trailer.getByLabel('Plate country', { exact: true }).fill('CA');
      // A second plate added by mistake goes again; the first stays.
      await trailer.getByRole('button', { name: 'Add a second plate to trailer 1' }).click();
      await trailer.getByLabel('Second plate number', { exact: true }).fill('X');
      await trailer.getByRole('button', { name: 'Remove the second plate of trailer 1' }).click();
      expect(await trailer.getByLabel('Second plate number', { exact: true }).count()).toBe(0);
      expect(await trailer.getByLabel('Plate number', { exact: true }).inputValue()).toBe('K1234X');
      // A second trailer from the saved TR-5501, taken off again: this truck pulls one.
      await page.getByRole('combobox', { name: 'Trailer from profiles' }).click();
      await page.getByRole('option', { name: 'TR-5501' }).click();
      await page.getByRole('button', { name: 'Add this trailer' }).click();
      const savedTrailer = page.getByRole('group', { name: 'Trailer 2' });
      expect(await savedTrailer.getByLabel('Plate number', { exact: true }).inputValue()).toBe(
        'P4471K',
      );
      expect(
        await savedTrailer.getByRole('combobox', { name: 'Equipment type' }).inputValue(),
      ).toBe('Semi truck trailer (TL)');
      await savedTrailer.getByRole('button', { name: 'Remove trailer 2' }).click();

      // The driver picked from the saved profiles, found on the server by the end of her FAST
      // card number (which her name, the option's label, does not hold).
      const driverPicker = page.getByRole('combobox', { name: 'Driver from profiles' });
      await driverPicker.click();
      await page.getByRole('option', { name: 'Luc Bouchard' }).waitFor();
      await driverPicker.fill('5566');
      await expect.poll(() => page.getByRole('option', { name: 'Luc Bouchard' }).count()).toBe(0);
      await page.getByRole('option', { name: 'Marie Gagnon' }).click();
      await page.getByRole('button', { name: 'Add this driver' }).click();
      await page
        .getByRole('group', { name: 'Driver 1' })
        .getByLabel('First name', { exact: true })
        .waitFor();
      expect(
        await page
          .getByRole('group', { name: 'Driver 1' })
          .getByLabel('Last name', { exact: true })
          .inputValue(),
      ).toBe('Gagnon');

      // Two empty racks going back (instruments of international traffic).
      await page.getByRole('button', { name: 'Add an instrument' }).click();
      await page.getByRole('combobox', { name: 'Instrument 1: type' }).click();
      await page.getByRole('option', { name: 'Empty, carrier bond (EC)' }).click();
      const instruments = page.getByRole('group', { name: 'Instruments of international traffic' });
      await instruments.getByLabel('Quantity', { exact: true }).fill('2');
      await instruments.getByLabel('Description', { exact: true }).fill('Empty returnable racks');

      // A passenger typed in, then removed again: this truck carries none.
      await page.getByRole('button', { name: 'Type a new passenger' }).click();
      await page
        .getByRole('group', { name: 'Passenger 1' })
        .getByLabel('First name', { exact: true })
        .fill('Paul');
      await page.getByRole('button', { name: 'Remove passenger 1' }).click();
      expect(await page.getByRole('group', { name: 'Passenger 1' }).count()).toBe(0);

      // Leaving with the trip unsaved asks first; staying keeps every field as typed.
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'Trips', exact: true })
        .click();
      const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.getByText(/Your changes to this trip are not saved/).waitFor();
      await leave.getByRole('button', { name: 'Stay on this page' }).click();
      await leave.waitFor({ state: 'hidden' });
      expect(await instruments.getByLabel('Description', { exact: true }).inputValue()).toBe(
        'Empty returnable racks',
      );

      await page.getByRole('button', { name: 'Save trip' }).click();
      await page.getByText(`Trip ${tripNumber} is saved.`).waitFor();
      // With the port, ETA, truck, trailer and driver in, the trip's own fields are clean.
      await page.getByText('No problems found').waitFor();
      await screenshot(page, 'trip-editor', true);
      // Saved: both of the truck's plates come back with the trip, the trailer's one.
      await page.reload();
      await expect
        .poll(() => truck.getByLabel('Second plate number', { exact: true }).inputValue())
        .toBe('4471MI');
      expect(await truck.getByLabel('Plate number', { exact: true }).inputValue()).toBe('BC98765');
      expect(await trailer.getByLabel('Second plate number', { exact: true }).count()).toBe(0);

      // 2. Start a Section 321 shipment on the trip, parties quick-assigned.
      await page.getByRole('link', { name: 'Start New ACE Shipment on this trip' }).click();
      await page.getByRole('heading', { name: 'Start New ACE Shipment' }).waitFor();
      const type = page.getByRole('combobox', { name: 'Shipment Type' });
      expect(await type.inputValue()).toBe('PAPS (Pre-Arrival Processing System)');
      expect(
        await page.getByRole('combobox', { name: 'Attached to Trip Number' }).inputValue(),
      ).toBe(tripNumber);
      // The next SCN of the company's sequence is suggested, not yet taken.
      const scn = page.getByLabel('Shipment Control Number', { exact: true });
      await expect.poll(() => scn.getAttribute('placeholder')).toMatch(/^DEMO\d{10}$/);
      const suggestedScn = (await scn.getAttribute('placeholder')) ?? '';
      // Problems appear under a field as it is typed, and go when it is right.
      await scn.fill('XYZ1');
      await expect.poll(() => scn.getAttribute('aria-invalid')).toBe('true');
      await scn.fill('');
      await expect.poll(() => scn.getAttribute('aria-invalid')).toBe(null);
      await type.click();
      await page.getByRole('option', { name: 'Section 321 (de minimis)' }).click();
      await page.getByRole('combobox', { name: 'Province of Loading' }).fill('Ontario');
      await page.getByRole('option', { name: 'Ontario (ON)' }).click();

      const shipper = page.getByRole('group', { name: 'Shipper' });
      // With the keyboard alone: type, arrow down past the demo's Maple Leaf Mills Ltd to the
      // match, Enter.
      await shipper.getByRole('combobox', { name: 'Quick Assign Shipper' }).focus();
      await page.keyboard.type('Maple');
      await page.getByRole('option', { name: /^Maple Leaf Mills Ltd/ }).waitFor();
      const parcels = page.getByRole('option', { name: /^Maple Parcels Ltd/ });
      await parcels.waitFor();
      // Down until the highlight is on it (the list may re-render as the search answers).
      for (let presses = 0; presses < 4; presses++) {
        await page.keyboard.press('ArrowDown');
        if ((await parcels.getAttribute('data-combobox-selected')) === 'true') break;
      }
      expect(await parcels.getAttribute('data-combobox-selected')).toBe('true');
      await page.keyboard.press('Enter');
      expect(await shipper.getByLabel('Shipper city', { exact: true }).inputValue()).toBe(
        'Windsor',
      );
      // The search box is empty again, ready for the next search.
      await expect
        .poll(() => shipper.getByRole('combobox', { name: 'Quick Assign Shipper' }).inputValue())
        .toBe('');
      // Search lists the matches as buttons; Clear empties the party.
      const consignee = page.getByRole('group', { name: 'Consignee' });
      await consignee.getByLabel('Quick Assign Consignee', { exact: true }).fill('Detroit');
      await consignee.getByRole('button', { name: 'Search' }).click();
      await consignee.getByRole('button', { name: /^Use Motor City Gifts LLC/ }).click();
      const consigneeName = consignee.getByLabel('Consignee name', { exact: true });
      expect(await consigneeName.inputValue()).toBe('Motor City Gifts LLC');
      await consignee.getByRole('button', { name: 'Clear' }).click();
      expect(await consigneeName.inputValue()).toBe('');
      await consignee.getByLabel('Quick Assign Consignee', { exact: true }).fill('motor');
      await consignee.getByRole('button', { name: 'Search' }).click();
      await consignee.getByRole('button', { name: /^Use Motor City Gifts LLC/ }).click();
      expect(await consigneeName.inputValue()).toBe('Motor City Gifts LLC');
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'shipment-new', true);

      // 3. Save and Add Commodity: the SCN is the next in the sequence; loaded on the trailer.
      await page.getByRole('button', { name: 'Save and Add Commodity' }).click();
      await page.getByRole('heading', { name: /^Add Commodity for ACE Shipment/ }).waitFor();
      const legend = page.getByRole('list', { name: 'Required-field legend' });
      expect(await legend.getByRole('listitem').allInnerTexts()).toEqual([
        '(Required)',
        '(Required if Hazmat)',
        '(Required when Shipment is Section 321 or In-Bond)',
        '(Required when Shipment is Section 321)',
      ]);
      expect(await page.getByRole('combobox', { name: 'Loaded On' }).inputValue()).toBe(
        'Trailer TR-77',
      );
      // Earlier descriptions are offered, with the units they came with.
      const description = page.getByRole('combobox', { name: 'Description (Required)' });
      await description.fill('rolled oa');
      await page.getByRole('option', { name: 'Rolled oats in paper bags' }).click();
      expect(
        await page.getByRole('combobox', { name: 'Packaging unit (Required)' }).inputValue(),
      ).toBe('Pallet (PLT)');
      await description.fill('Ceramic mugs');
      await page.getByText(/^12 of 45 characters/).waitFor();
      // A number the field does not take stays as typed, and the field says why.
      const quantity = page.getByLabel('Quantity (Required)', { exact: true });
      await quantity.fill('2.5');
      await page.getByText('Quantity is a whole number, e.g. 20; "2.5" is not.').waitFor();
      expect(await quantity.inputValue()).toBe('2.5');
      await quantity.fill('4');
      await page.getByRole('combobox', { name: 'Packaging unit (Required)' }).fill('Carton');
      await page.getByRole('option', { name: /\(CTN\)$/ }).click();
      await page.getByLabel('Weight (Required)', { exact: true }).fill('40');
      const value = page.getByLabel(
        'Value (US$) (Required when Shipment is Section 321 or In-Bond)',
        { exact: true },
      );
      await value.fill('1e3');
      await page.getByText('Value is a number in digits, e.g. 1250.50; "1e3" is not.').waitFor();
      expect(await value.inputValue()).toBe('1e3');
      await value.fill('120');
      await page
        .getByLabel('Country of Origin (Required when Shipment is Section 321)', { exact: true })
        .fill('CA');
      await page.getByLabel('HTS', { exact: true }).fill('691200');
      await page.getByLabel('Marks & Numbers', { exact: true }).fill('MCG 1/4');
      // The hazmat block: its fields appear when the goods are hazardous.
      await page.getByLabel('These goods are hazardous material', { exact: true }).check();
      await page.getByLabel('UN Number (Required if Hazmat)', { exact: true }).waitFor();
      await page
        .getByRole('list', { name: 'Problems in this commodity' })
        .getByText(/UN\/NA number/)
        .waitFor();
      await page.getByLabel('These goods are hazardous material', { exact: true }).uncheck();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'commodity', true);
      await page.getByRole('button', { name: 'Save and Back to ACE eManifest' }).click();

      // 4. Back on the shipment: the Section 321 suspension for this 2026 arrival, explained.
      await page.getByRole('heading', { name: `Shipment ${suggestedScn}` }).waitFor();
      await page.getByRole('table', { name: 'Commodities' }).getByText('Ceramic mugs').waitFor();
      const notice = page.getByRole('alert').filter({ hasText: 'Section 321 is not available' });
      await notice.getByText(/de minimis is suspended/).waitFor();
      await notice.getByText('Source: EO 14324; CSMS #66065494; 90 FR 42418').waitFor();
      // Beside its field too, as the user sees it while typing.
      await expect.poll(() => type.getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'section-321-suspended', true);

      // Typed and not saved, then left on purpose: asked first, and the change is dropped.
      await consigneeName.fill('A consignee typed and not kept');
      await page.getByRole('link', { name: '← Back to the trip' }).click();
      await leave.getByText(/Your changes to this shipment are not saved/).waitFor();
      await leave.getByRole('button', { name: 'Leave without saving' }).click();

      // The trip editor lists it too; its link opens the shipment at the type field.
      await page
        .getByRole('list', { name: 'Problems in this trip' })
        .getByRole('link', { name: /^Section 321 is not available/ })
        .click();
      await page.getByRole('heading', { name: `Shipment ${suggestedScn}` }).waitFor();
      expect(await consigneeName.inputValue()).toBe('Motor City Gifts LLC');
      await expect.poll(() => isFocused(type)).toBe(true);
      await page.keyboard.press('Escape');

      // One click: PAPS, and the broker's quick assign is where the cursor goes.
      await notice.getByRole('button', { name: 'Convert to PAPS and choose a broker' }).focus();
      await page.keyboard.press('Enter');
      // React applies the change on its next render: wait for it rather than read at once.
      await expect.poll(() => type.inputValue()).toBe('PAPS (Pre-Arrival Processing System)');
      const brokerSearch = page.getByRole('combobox', { name: 'Quick Assign Broker' });
      await expect.poll(() => isFocused(brokerSearch)).toBe(true);
      await brokerSearch.fill('Ambassador');
      await page.getByRole('option', { name: /^Ambassador Customs Brokers/ }).click();
      expect(await page.getByLabel('Broker filer code', { exact: true }).inputValue()).toBe('A7B');
      await page
        .getByRole('list', { name: 'Problems in this shipment' })
        .waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByText(/^Shipment DEMO\d{10} is saved\.$/)
        .last()
        .waitFor();

      // 5. The trip validates clean.
      await page.getByRole('link', { name: '← Back to the trip' }).click();
      await page
        .getByRole('heading', { name: `Trip ${tripNumber}` })
        .first()
        .waitFor();
      await page.getByRole('list', { name: 'Shipments of the trip' }).getByText('PAPS').waitFor();
      await page.getByText('No problems found').waitFor();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'trip-clean', true);

      // The trips list opens the trip from its row.
      await page.getByRole('link', { name: '← Back to trips' }).click();
      await page.getByRole('link', { name: tripNumber }).click();
      await page
        .getByRole('heading', { name: `Trip ${tripNumber}` })
        .first()
        .waitFor();
      expect(page.url()).toBe(tripUrl);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('lists a trip’s shipments a page at a time as the list scrolls', async () => {
    // 150 shipments: the first page of 100, then the rest when scrolled to the end.
    const shipments = Array.from({ length: 150 }, (_, i) => ({
      type: 'PAPS',
      shipper: { name: `Shipper ${String(i + 1).padStart(3, '0')}` },
    }));
    const created = await apiCall(service, admin, 'POST', '/trips', {
      data: 'ACE_TRIP',
      usPortOfArrival: '0901',
      shipments,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { trip } = (await created.json()) as { trip: { id: string } };
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      // The viewer reads: sign-in is limited to 5 attempts a minute per e-mail, and the
      // admin's are spent by the other tests of this file.
      await signInWithForm(
        service,
        browser,
        DEMO_VIEWER.email,
        DEMO_VIEWER.password,
        `/trips/${trip.id}`,
      );
      const list = page.getByRole('list', { name: 'Shipments of the trip' });
      await page.getByText('100 shipments loaded (more as you scroll)').waitFor();
      // Virtualised: only the rows in view are in the page, not all 100.
      expect(await list.getByRole('listitem').count()).toBeLessThan(40);
      const scroller = page.getByLabel('Shipments of the trip, scrollable');
      await scroller.hover();
      for (let i = 0; i < 30 && !(await page.getByText('150 shipments loaded').isVisible()); i++) {
        await scroller.hover();
        await page.mouse.wheel(0, 4000);
        await page.waitForTimeout(100);
      }
      await page.getByText('150 shipments loaded').waitFor();
      const last = list.getByText('Shipper 150 → no consignee');
      for (let i = 0; i < 30 && !(await last.isVisible()); i++) {
        // Over the list again: a wheel past its end scrolls the page (longer since the trip
        // editor has its filing and paperwork panels) and moves the list from under the mouse.
        await scroller.hover();
        await page.mouse.wheel(0, 4000);
        await page.waitForTimeout(100);
      }
      await last.waitFor();
      // Found on the server, whatever page it is on.
      await page.getByLabel('Find a shipment', { exact: true }).fill('shipper 042');
      await page.getByText('1 shipment loaded').waitFor();
      expect(await list.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringContaining('Shipper 042 → no consignee'),
      ]);
      await expectNoSeriousA11yViolations(page);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('says in words when someone else saved the trip first, keeps the input, and offers mine or theirs', async () => {
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      const started = await apiCall(service, admin, 'POST', '/trips');
      const { trip } = (await started.json()) as { trip: { id: string; version: number } };
      await signInWithForm(service, browser, service.email, service.password, `/trips/${trip.id}`);
      const truckNumber = page
        .getByRole('group', { name: 'Truck' })
        .getByLabel('Truck number', { exact: true });
      await truckNumber.fill('MINE-1');
      // Another dispatcher saves the same trip meanwhile (here: through the API).
      const theirSave = async (change: Record<string, unknown>) => {
        const current = await apiCall(service, admin, 'GET', `/trips/${trip.id}`);
        const { document, version } = (await current.json()) as {
          document: Record<string, unknown>;
          version: number;
        };
        const saved = await fetch(`${service.url}/api/v1/trips/${trip.id}`, {
          method: 'PUT',
          headers: {
            cookie: admin.cookie,
            'x-csrf-token': admin.csrfToken,
            'content-type': 'application/json',
            'if-match': `"${String(version)}"`,
          },
          body: JSON.stringify({ ...document, ...change }),
        });
        expect(saved.status).toBe(200);
      };
      const conflict = page
        .getByRole('alert')
        .filter({ hasText: /Someone else saved this trip while you were editing it/ });
      const truckVin = page
        .getByRole('group', { name: 'Truck' })
        .getByLabel('VIN', { exact: true });

      await theirSave({ estimatedArrivalDateTime: `${daysAhead(4)} 08:00:00` });
      await page.getByRole('button', { name: 'Save trip' }).click();
      await conflict.waitFor();
      expect(await truckNumber.inputValue()).toBe('MINE-1');
      // What differs, field by field: my truck number, their ETA.
      const differences = conflict.getByRole('table', {
        name: 'What differs from the version saved now',
      });
      const row = (field: string) =>
        differences.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field }) });
      // Theirs is read after the refusal: wait for its rows (allInnerTexts does not wait).
      await row('Estimated arrival (ETA)').waitFor();
      expect(await row('Truck › Number').getByRole('cell').allInnerTexts()).toEqual([
        'MINE-1',
        '(blank)',
      ]);
      expect(await row('Estimated arrival (ETA)').getByRole('cell').allInnerTexts()).toEqual([
        '(blank)',
        `${daysAhead(4)} 08:00:00`,
      ]);
      await screenshot(page, 'save-conflict', true, conflict);
      await expectNoSeriousA11yViolations(page);
      // Keep mine: saved on top of their version.
      await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
      await page.getByText(/^Trip DEMO\d+ is saved\.$/).waitFor();
      const afterMine = (await (
        await apiCall(service, admin, 'GET', `/trips/${trip.id}`)
      ).json()) as { document: { truck?: { number?: string } } };
      expect(afterMine.document.truck?.number).toBe('MINE-1');

      // Take theirs: the form shows the trip as they saved it.
      await theirSave({ truck: { number: 'MINE-1', vinNumber: '1M8GDM9AXKP042788' } });
      await truckNumber.fill('MINE-2');
      await page.getByRole('button', { name: 'Save trip' }).click();
      await conflict.waitFor();
      await conflict.getByRole('button', { name: 'Load the other version (drops mine)' }).click();
      await expect.poll(() => truckVin.inputValue()).toBe('1M8GDM9AXKP042788');
      expect(await truckNumber.inputValue()).toBe('MINE-1');
      // The refused save is an expected 409 in the console; nothing else.
      expect(browser.errors.filter((error) => !error.includes('409'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps the shipment form’s input when the session ends, and saves after signing in', async () => {
    const browser = await openBrowser([/\/api\/v1\//]);
    const { page } = browser;
    try {
      await signInWithForm(service, browser, service.email, service.password, '/shipments/new');
      await page.getByRole('heading', { name: 'Start New ACE Shipment' }).waitFor();
      const shipperName = page.getByLabel('Shipper name', { exact: true });
      await shipperName.fill('Lakeshore Books Inc');
      // An in-bond movement: its fields appear with the type.
      await page.getByRole('combobox', { name: 'Shipment Type' }).click();
      await page.getByRole('option', { name: 'ACE In-Bond (carrier-filed)' }).click();
      const inBondNumber = page.getByLabel('In-bond number', { exact: true });
      await inBondNumber.fill('123456789');
      await endSessionOnServer(service, browser);

      // Saving meets the ended session. A request of the page's own (a refetch) may meet it a
      // moment before and open the dialog over the button: the click goes to the button itself.
      await page.getByRole('button', { name: 'Save', exact: true }).dispatchEvent('click');
      const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
      await dialog.waitFor();
      expect(await shipperName.inputValue()).toBe('Lakeshore Books Inc');
      await dialog.getByLabel(/^Password/).fill(service.password);
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await shipperName.inputValue()).toBe('Lakeshore Books Inc');
      expect(await inBondNumber.inputValue()).toBe('123456789');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('heading', { name: /^Shipment DEMO\d{10}$/ }).waitFor();
      expect(await page.getByLabel('Shipper name', { exact: true }).inputValue()).toBe(
        'Lakeshore Books Inc',
      );
      expect(await page.getByLabel('In-bond number', { exact: true }).inputValue()).toBe(
        '123456789',
      );
    } finally {
      await browser.close();
    }
  });

  it('removes a commodity saved by mistake and deletes a shipment, Delete anyway after a colleague’s save', async () => {
    // A dispatcher of their own: sign-in is limited to 5 a minute per e-mail (the admin's are spent).
    const dispatcher = {
      email: 'dora@demo.example',
      role: 'dispatcher',
      displayName: 'Dora Dispatcher',
      password: 'dora-dispatches-trucks',
    } as const;
    await anInvitedMember(service, admin, dispatcher);
    const started = await apiCall(service, admin, 'POST', '/trips');
    const { trip } = (await started.json()) as { trip: { id: string } };
    const made = await apiCall(service, admin, 'POST', `/trips/${trip.id}/shipments`, {
      type: 'PAPS',
      shipper: { name: 'Maple Parcels Ltd' },
      // The second line is the empty one saved by mistake.
      commodities: [{ description: 'Maple syrup', quantity: 4, packagingUnit: 'BOX' }, {}],
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const { shipment } = (await made.json()) as { shipment: { id: string } };
    const current = async () => {
      const answer = await apiCall(service, admin, 'GET', `/shipments/${shipment.id}`);
      return { status: answer.status, record: (await answer.json()) as Record<string, unknown> };
    };
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await signInWithForm(
        service,
        browser,
        dispatcher.email,
        dispatcher.password,
        `/trips/${trip.id}`,
      );
      // The trip's problems say which shipment and commodity each is in, and link to the field.
      const emptyLine = page
        .getByRole('list', { name: 'Problems in this trip' })
        .getByRole('listitem')
        .filter({ hasText: /^Error: Shipment 1 \(SCN DEMO\d{10}\) · Commodity 2: / })
        .first();
      await emptyLine.getByRole('link').click();
      await page.getByRole('heading', { name: /^Shipment DEMO\d{10}$/ }).waitFor();
      expect(page.url()).toContain(`/shipments/${shipment.id}#f-commodities-1-`);
      const commodities = page.getByRole('table', { name: 'Commodities' });
      await commodities.getByRole('button', { name: 'Remove commodity 2' }).click();
      const asked = page.getByRole('dialog', { name: 'Remove commodity 2?' });
      await asked.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByText(/^Shipment DEMO\d+ is saved without commodity 2\.$/).waitFor();
      expect(await commodities.getByRole('row').count()).toBe(2); // the header and Maple syrup
      const afterRemove = await current();
      expect(afterRemove.record).toMatchObject({
        shipment: { commodities: [{ description: 'Maple syrup' }] },
      });
      expect((afterRemove.record.shipment as { commodities: unknown[] }).commodities).toHaveLength(
        1,
      );

      // A colleague saves the shipment meanwhile: the delete is refused, then Delete anyway.
      const theirs = await fetch(`${service.url}/api/v1/shipments/${shipment.id}`, {
        method: 'PUT',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/json',
          'if-match': `"${String(afterRemove.record.version)}"`,
        },
        body: JSON.stringify({
          ...(afterRemove.record.shipment as object),
          orderReference: 'PO-7',
        }),
      });
      expect(theirs.status, await theirs.clone().text()).toBe(200);
      await page.getByRole('button', { name: 'Delete shipment' }).click();
      const dialog = page.getByRole('dialog', { name: /^Delete shipment DEMO\d+\?$/ });
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await dialog
        .getByText(/Someone else changed this shipment after this page was opened/)
        .waitFor();
      expect((await current()).status).toBe(200);
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Delete anyway' }).click();
      // Back on its trip, whose list no longer has it.
      await page.getByText('No shipments on this trip yet.').waitFor();
      expect(page.url()).toBe(`${service.url}/trips/${trip.id}`);
      expect((await current()).status).toBe(404);
      // The refused delete is an expected 409 in the console; nothing else.
      expect(browser.errors.filter((error) => !error.includes('409'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a viewer the trip and the shipment without any edit button, on a tablet', async () => {
    const trips = (await (await apiCall(service, admin, 'GET', '/trips?limit=100')).json()) as {
      items: { id: string; tripNumber: string; shipmentCount: number }[];
    };
    const demo = trips.items.find((trip) => trip.shipmentCount > 0);
    if (demo === undefined) throw new Error('no trip with a shipment');
    const browser = await openBrowser(SESSION_PROBE);
    const { page } = browser;
    try {
      await page.setViewportSize({ width: 768, height: 1024 });
      await signInWithForm(
        service,
        browser,
        DEMO_VIEWER.email,
        DEMO_VIEWER.password,
        `/trips/${demo.id}`,
      );
      await page
        .getByRole('heading', { name: `Trip ${demo.tripNumber}` })
        .first()
        .waitFor();
      const shipmentLink = page
        .getByRole('list', { name: 'Shipments of the trip' })
        .getByRole('link')
        .first();
      await shipmentLink.waitFor();
      expect(await page.getByRole('button', { name: /Save|Add|Remove|Start New/ }).count()).toBe(0);
      expect(await page.getByRole('combobox', { name: /from profiles/ }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'trip-editor-viewer');
      await shipmentLink.click();
      await page.getByRole('heading', { name: /^Shipment DEMO/ }).waitFor();
      await page.getByLabel('Shipper name', { exact: true }).waitFor();
      expect(
        await page
          .getByRole('button', { name: /Save|Clear|Cancel|Convert|Search|Delete|Remove/ })
          .count(),
      ).toBe(0);
      expect(await page.getByLabel('Shipper name', { exact: true }).isEditable()).toBe(false);
      await expectNoSeriousA11yViolations(page);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
