import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless the operator allows it (WEBHOOK_PRIVATE_NETWORKS):
 * the service's own host, the networks behind it and the cloud metadata endpoint. A company
 * admin registers webhook URLs, and the service POSTs to them and shows each answer's status,
 * so without this any admin could probe the operator's internal network (server-side request
 * forgery, OWASP SSRF Prevention Cheat Sheet). Ranges: RFC 6890 special-purpose registries.
 */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network"
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT, RFC 6598
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
PRIVATE.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, cloud metadata
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('192.0.0.0', 24, 'ipv4'); // IETF protocol assignments
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking
PRIVATE.addSubnet('224.0.0.0', 3, 'ipv4'); // multicast, reserved, broadcast
PRIVATE.addAddress('::', 'ipv6'); // unspecified
PRIVATE.addAddress('::1', 'ipv6'); // loopback
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // unique local
PRIVATE.addSubnet('fe80::', 10, 'ipv6'); // link-local
PRIVATE.addSubnet('ff00::', 8, 'ipv6'); // multicast

/**
 * An IPv4 address carried inside IPv6, as the IPv4 address it reaches: IPv4-mapped
 * (`::ffff:10.0.0.1`, which a URL writes `[::ffff:a00:1]`; RFC 4291 §2.5.5.2) and the NAT64
 * well-known prefix (`64:ff9b::10.0.0.1`; RFC 6052). Undefined for any other address.
 */
function embeddedIpv4(address: string): string | undefined {
  const match =
    /^(?:::ffff|64:ff9b:):(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (match === null) return undefined;
  if (match[1] !== undefined) return match[1];
  const high = parseInt(match[2] ?? '0', 16);
  const low = parseInt(match[3] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an IP address (v4 or v6) is in a private or special-purpose network. */
export function isPrivateAddress(address: string): boolean {
  const embedded = embeddedIpv4(address);
  if (embedded !== undefined) return isPrivateAddress(embedded);
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) return PRIVATE.check(address, 'ipv6');
  return false;
}

/**
 * The host of a webhook URL when the URL names a private address outright (an IP literal, or
 * `localhost`); undefined otherwise. Names are resolved, and checked again, when each delivery
 * connects (a name can point anywhere by then).
 */
export function privateHostOf(url: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (bare === 'localhost' || bare.endsWith('.localhost')) return bare;
  return isPrivateAddress(bare) ? bare : undefined;
}
