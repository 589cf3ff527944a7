import type {
  Page,
  PageRequest,
  PartyKind,
  PartyRecord,
  ProfileKind,
  ProfileRecord,
  TemplateRecord,
} from '../records.js';

/**
 * Address book, profiles and templates. Every method takes the company id: a record of
 * another company is simply not found.
 */
export interface PartyRepository {
  insert(record: PartyRecord): Promise<void>;
  findById(companyId: string, id: string): Promise<PartyRecord | undefined>;
  /** Writes only when the stored version is `expectedVersion` - 1 (the record carries the new one). */
  update(record: PartyRecord): Promise<boolean>;
  softDelete(companyId: string, id: string, expectedVersion: number, at: string): Promise<boolean>;
  list(
    companyId: string,
    filter: { readonly kind?: PartyKind | undefined },
    page: PageRequest,
  ): Promise<Page<PartyRecord>>;
  /** Quick-assign: parties whose name, city or postal code has words starting with the query's words. */
  search(
    companyId: string,
    query: string,
    options: { readonly kind?: PartyKind | undefined; readonly limit: number },
  ): Promise<readonly PartyRecord[]>;
}

export interface ProfileRepository {
  insert(record: ProfileRecord): Promise<void>;
  findById(companyId: string, id: string): Promise<ProfileRecord | undefined>;
  update(record: ProfileRecord): Promise<boolean>;
  softDelete(companyId: string, id: string, expectedVersion: number, at: string): Promise<boolean>;
  list(
    companyId: string,
    filter: { readonly kind?: ProfileKind | undefined },
  ): Promise<readonly ProfileRecord[]>;
  /** One page by kind and name; `query` keeps those with every word typed (docs/api.md). */
  page(
    companyId: string,
    filter: { readonly kind?: ProfileKind | undefined; readonly query?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ProfileRecord>>;
}

export interface TemplateRepository {
  /** false when the company already has a template of that name. */
  insert(record: TemplateRecord): Promise<boolean>;
  findById(companyId: string, id: string): Promise<TemplateRecord | undefined>;
  list(companyId: string): Promise<readonly TemplateRecord[]>;
  delete(companyId: string, id: string): Promise<boolean>;
}
