/**
 * Where each member listens. With zone namespaces every zone has its own address and the ports
 * are fixed (2379/2380, then +10 per further member of the zone): nothing else lives there.
 * Without them, every member listens on 127.0.0.1 on ports the system reports free, so runs on
 * the same machine do not collide.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { LabMember } from '../lab/lab-plan.js';
import type { MemberSpec } from './etcd-member.js';
import type { ZoneNetwork } from './lab-network.js';

/** Addresses, ports and folders of the members, in zone namespaces when there are some. */
export async function buildMemberSpecs(
  members: readonly LabMember[],
  zones: ReadonlyMap<string, ZoneNetwork> | null,
  dir: string,
): Promise<MemberSpec[]> {
  const specs: MemberSpec[] = [];
  const ports = zones === null ? await freePorts(2 * members.length) : [];
  const inZone = new Map<string, number>();
  for (const m of members) {
    const k = inZone.get(m.zone) ?? 0;
    inZone.set(m.zone, k + 1);
    const net = zones?.get(m.zone);
    const base = { name: m.name, zone: m.zone, dir: join(dir, m.name) };
    if (net !== undefined) {
      specs.push({
        ...base,
        host: net.address,
        clientPort: 2379 + 10 * k,
        peerPort: 2380 + 10 * k,
        netnsPid: net.pid,
      });
    } else {
      const [clientPort = 0, peerPort = 0] = ports.splice(0, 2);
      specs.push({ ...base, host: '127.0.0.1', clientPort, peerPort, netnsPid: null });
    }
  }
  return specs;
}

// --- internal ---

/** `count` distinct ports on 127.0.0.1 that were free a moment ago (the system's picks for port 0). */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            resolve(typeof address === 'object' && address !== null ? address.port : 0);
          });
        }),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
