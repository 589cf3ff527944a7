import { writeFileSync } from 'node:fs';
import { tripJsonSchema, validationCodesMarkdown } from './generated-docs.js';

writeFileSync(new URL('../docs/validation-codes.md', import.meta.url), validationCodesMarkdown());
writeFileSync(new URL('../docs/trip.schema.json', import.meta.url), tripJsonSchema());
console.log('wrote docs/validation-codes.md and docs/trip.schema.json');
