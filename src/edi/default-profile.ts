import profileJson from './profiles/cbp-truck.json' with { type: 'json' };
import { parseEdiProfile, type EdiProfile } from './profile.js';

/** The profile shipped with the project (profiles/cbp-truck.json); its assumptions are in docs/edi.md. */
let cached: EdiProfile | undefined;

export function defaultEdiProfile(): EdiProfile {
  if (cached === undefined) {
    const parsed = parseEdiProfile(profileJson);
    if (!parsed.ok) {
      throw new Error(`profiles/cbp-truck.json is invalid: ${parsed.issues[0]?.message ?? ''}`);
    }
    cached = parsed.profile;
  }
  return cached;
}
