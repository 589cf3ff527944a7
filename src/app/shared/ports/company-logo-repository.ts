import type { LogoMediaType } from '../../../documents/index.js';

/** The company's logo as stored: the picture's bytes and what was read from them on upload. */
export interface CompanyLogo {
  readonly companyId: string;
  readonly mediaType: LogoMediaType;
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
  readonly updatedAt: string;
}

export interface CompanyLogoRepository {
  find(companyId: string): Promise<CompanyLogo | undefined>;
  /** Stores the company's logo, replacing the one it had. */
  put(logo: CompanyLogo): Promise<void>;
  /** false when the company had no logo. */
  remove(companyId: string): Promise<boolean>;
}
