/**
 * The documents generated from code, so they cannot drift: the issue-code catalogue
 * (docs/validation-codes.md) and the trip document's JSON Schema (docs/trip.schema.json).
 * `npm run docs` writes them; src/docs.test.ts fails when the committed copies are stale.
 */
import { z } from 'zod';
import {
  IGNORED_SHIPMENT_TRANSPORT_FIELDS,
  IGNORED_TRANSPORT_FIELDS,
  manifestDocumentSchema,
} from '../src/domain/index.js';
import { issueCatalogue } from '../src/rules/index.js';

export function validationCodesMarkdown(): string {
  const rows = issueCatalogue()
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) =>
      `| \`${d.code}\` | ${d.severity} | ${d.title} | ${d.fix} | ${d.source ?? ''} |`.replaceAll(
        '\n',
        ' ',
      ),
    );
  return [
    '# Validation issue codes',
    '',
    'Generated from the rule catalogue by `npm run docs`; do not edit by hand. Every issue the',
    'rule engine, the CLI or the API reports carries one of these codes, a severity, a JSON',
    'Pointer `path` into the trip document and a message. Codes are stable: integrations may',
    'match on them. An **error** stops filing; a **warning** is shown but does not.',
    '',
    '| Code | Severity | What it means | What to do | Source |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

type JsonObject = Record<string, unknown>;

/** Adds the fields we accept on the way in but never write out, so validators accept them too. */
function acceptLegacyFields(schema: JsonObject): JsonObject {
  const variants = (schema['oneOf'] ?? schema['anyOf']) as JsonObject[];
  for (const variant of variants) {
    const properties = variant['properties'] as JsonObject;
    for (const field of IGNORED_TRANSPORT_FIELDS) {
      properties[field] = { description: 'Commercial API transport field: accepted and ignored.' };
    }
    const shipment = (properties['shipments'] as JsonObject | undefined)?.['items'] as
      JsonObject | undefined;
    if (shipment !== undefined) {
      const shipmentProperties = shipment['properties'] as JsonObject;
      for (const field of IGNORED_SHIPMENT_TRANSPORT_FIELDS) {
        shipmentProperties[field] = {
          description: 'Commercial API transport field on a nested shipment: accepted and ignored.',
        };
      }
    }
    const truck = properties['truck'] as JsonObject | undefined;
    const trailers = properties['trailers'] as JsonObject | undefined;
    for (const equipment of [truck, trailers?.['items'] as JsonObject | undefined]) {
      if (equipment === undefined) continue;
      (equipment['properties'] as JsonObject)['licensePlate'] = {
        description: 'Older single-plate form: read as licensePlates: [licensePlate].',
        type: 'object',
      };
    }
  }
  return schema;
}

export function tripJsonSchema(): string {
  const schema = z.toJSONSchema(manifestDocumentSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonObject;
  const titled = {
    $schema: schema['$schema'],
    $id: 'urn:ace-emanifest:trip-document:1',
    title: 'ACE eManifest trip document',
    description:
      'One trip ("data": "ACE_TRIP") or a list of unassociated shipments ("data": "ACE_SHIPMENT"). See docs/trip-document.md. Generated from src/domain by `npm run docs`.',
    ...acceptLegacyFields(schema),
  };
  return JSON.stringify(titled, null, 2) + '\n';
}
