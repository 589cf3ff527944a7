import type { LeadSheetOptions, LeadSheetVariant } from '../../../documents/index.js';
import type { PaperSize, PaperworkDeps } from './paperwork-deps.js';

/** What the user chose for a lead sheet (one trip's or a day's). */
export interface LeadSheetChoices {
  readonly variant?: LeadSheetVariant | undefined;
  /** false: leave the driver's name off (printed before the driver is known). */
  readonly driverName?: boolean | undefined;
  readonly size?: PaperSize | undefined;
}

/** The renderer's options: the user's choices, the fonts, and what was read from the store. */
export function leadSheetOptions(
  deps: PaperworkDeps,
  choices: LeadSheetChoices,
  stored: {
    readonly logo: Uint8Array | undefined;
    readonly notOnFile: ReadonlyMap<string, string>;
  },
): LeadSheetOptions {
  return {
    fonts: deps.fonts,
    variant: choices.variant,
    driverName: choices.driverName,
    size: choices.size,
    logo: stored.logo,
    notOnFile: stored.notOnFile,
  };
}
