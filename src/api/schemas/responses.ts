/** Response declarations shared by routes, so OpenAPI shows the problem shape on every route. */
import type { z } from 'zod';
import { problemSchema } from '../problem.js';

const problemResponse = {
  description: 'A problem document (RFC 9457) with the issues list; see docs/api.md.',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Adds the 4xx/5xx problem responses to a route's success responses. */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, '4xx': problemResponse, '5xx': problemResponse };
}
