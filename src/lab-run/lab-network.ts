/**
 * Real partitions between zones: a network namespace per zone, each joined to the runner's own
 * (private) namespace by a veth pair, the runner's namespace routing between them, and an
 * nftables `forward` chain there dropping packets between zones whose link is cut. Zone i
 * (0-based) is 10.213.(i+1).0/24: its members listen on .1, the router side is .254. The probe
 * runs in the router namespace, so it reaches every member whatever is cut.
 *
 * Only ever called inside the private namespaces `unshare` gives the runner (spawn-runner.ts):
 * nothing here touches the host's network. A zone namespace is held by a `sleep` process, which
 * dies with the runner's PID namespace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readlink, writeFile } from 'node:fs/promises';
import type { ZoneLink } from '../lab/lab-plan.js';
import { commandFailure, runCommand } from './run-command.js';

export interface ZoneNetwork {
  zone: string;
  subnet: string;
  /** The members' address in this zone. */
  address: string;
  /** The pid of the process holding the zone's namespace (for nsenter). */
  pid: number;
}

export interface LabNetwork {
  zones: Map<string, ZoneNetwork>;
  /** Drops traffic over exactly `links` (healing every other link); an error message or null. */
  cut(links: readonly ZoneLink[]): Promise<string | null>;
  close(): void;
}

export type NetworkResult = { ok: true; network: LabNetwork } | { ok: false; error: string };

const TABLE = 'inet hasim_lab';

/** Creates the zones' namespaces, veths, routes and the (empty) filter. */
export async function createZoneNetworks(zones: readonly string[]): Promise<NetworkResult> {
  const holders: ChildProcess[] = [];
  const close = (): void => holders.forEach((h) => h.kill('SIGKILL'));
  const fail = (error: string): NetworkResult => {
    close();
    return { ok: false, error };
  };
  const own = await readlink('/proc/self/ns/net');
  const nets = new Map<string, ZoneNetwork>();
  for (const [i, zone] of zones.entries()) {
    const holder = spawn('unshare', ['--net', '--', 'sleep', 'infinity'], { stdio: 'ignore' });
    holder.on('error', () => undefined); // no unshare: pid stays undefined, handled below
    holders.push(holder);
    const pid = holder.pid;
    if (pid === undefined || !(await waitForOwnNamespace(pid, own))) {
      return fail('unshare --net did not give a zone its own network namespace');
    }
    nets.set(zone, { zone, subnet: `10.213.${i + 1}.0/24`, address: `10.213.${i + 1}.1`, pid });
  }
  try {
    await writeFile('/proc/sys/net/ipv4/ip_forward', '1');
  } catch (e) {
    return fail(`cannot route between zones: ${e instanceof Error ? e.message : String(e)}`);
  }
  const router = [...nets.values()].flatMap((n, i) => [
    `link add hlr${i} type veth peer name hlz${i}`,
    `link set hlz${i} netns ${n.pid}`,
    `addr add 10.213.${i + 1}.254/24 dev hlr${i}`,
    `link set hlr${i} up`,
  ]);
  const r = await runCommand('ip', ['-batch', '-'], {
    input: ['link set lo up', ...router].join('\n'),
  });
  const routerProblem = commandFailure('ip', r);
  if (routerProblem !== null) return fail(routerProblem);
  for (const [i, n] of [...nets.values()].entries()) {
    const zoneSide = [
      'link set lo up',
      `addr add ${n.address}/24 dev hlz${i}`,
      `link set hlz${i} up`,
      `route add default via 10.213.${i + 1}.254`,
    ];
    const z = await runCommand(
      'nsenter',
      ['--target', String(n.pid), '--net', '--', 'ip', '-batch', '-'],
      {
        input: zoneSide.join('\n'),
      },
    );
    const problem = commandFailure('ip (zone side)', z);
    if (problem !== null) return fail(problem);
  }
  const nft = await runCommand('nft', ['-f', '-'], {
    input: `add table ${TABLE}\nadd chain ${TABLE} forward { type filter hook forward priority 0; policy accept; }\n`,
  });
  const nftProblem = commandFailure('nft', nft);
  if (nftProblem !== null) return fail(nftProblem);
  const cut = async (links: readonly ZoneLink[]): Promise<string | null> => {
    const rules = links.flatMap(([a, b]) => {
      const [x, y] = [nets.get(a)?.subnet, nets.get(b)?.subnet];
      if (x === undefined || y === undefined) return [];
      return [
        `add rule ${TABLE} forward ip saddr ${x} ip daddr ${y} drop`,
        `add rule ${TABLE} forward ip saddr ${y} ip daddr ${x} drop`,
      ];
    });
    const res = await runCommand('nft', ['-f', '-'], {
      input: [`flush chain ${TABLE} forward`, ...rules].join('\n') + '\n',
    });
    return commandFailure('nft', res);
  };
  return { ok: true, network: { zones: nets, cut, close } };
}

// --- internal ---

/** Waits (up to 5 s) until process `pid` is in a network namespace other than `own`. */
async function waitForOwnNamespace(pid: number, own: string): Promise<boolean> {
  for (let i = 0; i < 500; i++) {
    try {
      if ((await readlink(`/proc/${pid}/ns/net`)) !== own) return true;
    } catch {
      return false;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
