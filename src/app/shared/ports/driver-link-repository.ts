/** A link to a trip's driver's page; the signed token itself is never stored. */
export interface DriverLink {
  readonly id: string;
  readonly companyId: string;
  readonly tripId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export interface DriverLinkRepository {
  insert(link: DriverLink): Promise<void>;
  /** By id alone: the driver's page has no company, only the signed token naming the link. */
  findById(id: string): Promise<DriverLink | undefined>;
  /** The trip's links, newest first. */
  listForTrip(companyId: string, tripId: string): Promise<readonly DriverLink[]>;
  /** false when there is no such live link of the company's trip (or it was revoked before). */
  revoke(companyId: string, tripId: string, id: string, at: string): Promise<boolean>;
}
