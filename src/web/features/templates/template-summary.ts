/**
 * What a template carries, in the words of the templates table and the "Start from a template"
 * dialog: its truck, its drivers, and one line of both with the port and shipments.
 */
import { portName } from '../../lib/port-time';
import type { TemplateRecord } from './api/templates';

export function templateDrivers(template: TemplateRecord): string {
  const names = (template.document.drivers ?? [])
    .map((driver) => [driver.firstName, driver.lastName].filter(Boolean).join(' '))
    .filter((name) => name !== '');
  return names.length === 0 ? '—' : names.join(', ');
}

export function templateTruck(template: TemplateRecord): string {
  const data = template.document.truck;
  const plate = data?.licensePlates?.[0]?.number;
  return [data?.number, plate].filter(Boolean).join(' · ') || '—';
}

/** "Buffalo-Niagara Falls, NY (0901); truck T-101 · AB12345; drivers Jean Tremblay; 1 shipment" */
export function templateSummary(template: TemplateRecord): string {
  const shipments = template.document.shipments?.length ?? 0;
  return [
    portName(template.document.usPortOfArrival),
    `truck ${templateTruck(template)}`,
    `drivers ${templateDrivers(template)}`,
    `${String(shipments)} shipment${shipments === 1 ? '' : 's'}`,
  ].join('; ');
}
