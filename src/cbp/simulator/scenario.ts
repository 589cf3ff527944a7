import { z } from 'zod';

/**
 * What a simulator run plays: how fast its clock runs, what CBP already has on file, and when
 * the 350 statuses of an accepted trip's shipments come (minutes of simulated time after CBP
 * accepted the 358 that linked them). Holds are placed and removed per SCN; a hold removed is
 * not a release, so the release comes after the last removal.
 */
const minutes = z.number().min(0).max(100_000);

export const scenarioSchema = z.strictObject({
  /** Simulated seconds per real second. */
  acceleration: z.number().min(1).max(1_000_000).default(60),
  /** SCNs on file before the run: a 309 naming one is answered "Shipment Already on File". */
  shipmentsOnFile: z.array(z.string().min(1).max(16)).default([]),
  timeline: z
    .strictObject({
      /** 02: entry filed by the broker, when the 309 named one (N1 CB). */
      entryOnFile: minutes.default(5),
      /** 19: actual conveyance arrival. */
      arrival: minutes.default(60),
      /** 1C: entered and released (in-bond shipments get 1J, movement authorized). */
      release: minutes.default(65),
    })
    .default({ entryOnFile: 5, arrival: 60, release: 65 }),
  holds: z
    .array(
      z.strictObject({
        scn: z.string().min(1),
        /** 1H placed at port of arrival, then 1I removed, in minutes after acceptance. */
        placed: minutes,
        removed: minutes.optional(),
        remark: z.string().max(80).default('HOLD FOR EXAMINATION'),
      }),
    )
    .default([]),
  /**
   * Section 321 (de minimis) entries are refused for arrivals on or after this date: the
   * suspension of duty-free de minimis treatment for all countries from 29 August 2025
   * (Executive Order 14324; CSMS #66065494: ACE rejects Section 321 manifest filings). The
   * simulator compares the ETA date of the P4 with it.
   */
  section321SuspendedFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default('2025-08-29'),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export const defaultScenario = (): Scenario => scenarioSchema.parse({});

export type ScenarioParse =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly string[] };

export function parseScenario(json: unknown): ScenarioParse {
  const parsed = scenarioSchema.safeParse(json);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `/${i.path.map(String).join('/')}: ${i.message}`),
  };
}
