/** Response shapes of accounts: users, companies, sessions, API tokens. */
import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'dispatcher', 'viewer']);

export const userSchema = z
  .object({ id: z.string(), email: z.string(), displayName: z.string(), createdAt: z.string() })
  .meta({ id: 'User' });

export const companySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scac: z.string(),
    defaultPortOfArrival: z.string().nullable(),
    tripNumberPrefix: z.string(),
    filingMode: z
      .enum(['test', 'production'])
      .describe('ISA15 of its interchanges: test (T, certification) or production (P).'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Company' });

export const companyChoiceSchema = z.object({
  companyId: z.string(),
  name: z.string(),
  scac: z.string(),
  role: roleSchema,
});

export const sessionSchema = z
  .object({
    user: userSchema,
    company: companySchema,
    role: roleSchema,
    csrfToken: z
      .string()
      .describe('Send it as the x-csrf-token header on every POST, PUT, PATCH and DELETE.'),
    expiresAt: z.string(),
    companies: z
      .array(companyChoiceSchema)
      .describe('Every company the user may switch to, with the role in each.'),
  })
  .meta({ id: 'Session' });

export const memberSchema = z.object({ user: userSchema, role: roleSchema }).meta({ id: 'Member' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z
      .string()
      .nullable()
      .describe('When the token was last used, to the minute (recorded at most once a minute).'),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
