import { networkInterfaces } from 'node:os';

/**
 * The machine's IPv4 addresses other devices on the same network can reach: not loopback, not
 * link-local (169.254/16, what an interface gets when no DHCP answered). Wi-Fi and Ethernet both
 * count; the person picks the one their phone is on from the printed list.
 */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal || entry.address.startsWith('169.254.')) continue;
      if (!found.includes(entry.address)) found.push(entry.address);
    }
  }
  return found;
}
