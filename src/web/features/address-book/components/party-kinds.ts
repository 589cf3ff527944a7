/** How the address book names each kind of party. */
import type { PartyKind } from '../api/parties';

export const KIND_WORDS: Record<PartyKind, { one: string; many: string; label: string }> = {
  shipper: { one: 'shipper', many: 'Shippers', label: 'Shipper' },
  consignee: { one: 'consignee', many: 'Consignees', label: 'Consignee' },
  broker: { one: 'broker', many: 'Customs brokers', label: 'Customs broker' },
};
