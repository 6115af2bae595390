/**
 * The maintenance health gate kept by counters (health-gate.ts): per cluster, how many of the
 * elements its gate requires up are down — its masters' nodes, apiservers and controllers, its
 * members' nodes, etcd processes and disks, the zones holding a master or member (a zone is
 * effectively up when its element and its region's are: domain-state.ts), the links between those
 * zones and its region. TrialState.addDown updates the count when an element goes down or comes
 * back, so the gate is O(1) per evaluation. It also tells the control plane's evaluation when it
 * may take its shortcut (evaluate-predicates.ts): every gate element is up but at most one (a
 * master's node, apiserver or controllers, a member's node, etcd or disk), which it names: the
 * exclusive or of the elements down is that element when one is down.
 */
import { ENDPOINT_SINGLE, type SimModel } from '../model/sim-model.js';

/** An element's role in its cluster's gate, when the shortcut can take it down alone. */
export const ROLE_OTHER = 0;
export const ROLE_MASTER_NODE = 1;
export const ROLE_API = 2;
export const ROLE_CTRL = 3;
/** A member's node (external etcd), etcd process or disk. */
export const ROLE_MEMBER = 4;

export class GateState {
  /** Per cluster: gate elements down (each element counted once per cluster). */
  readonly down: Int32Array;
  /** Per cluster: the exclusive or of its gate elements down (the element, when one is). */
  readonly downXor: Int32Array;
  /** Per element: its role (ROLE_*) and the master or member it belongs to. */
  readonly role: Uint8Array;
  readonly roleIndex: Int32Array;
  /**
   * Per cluster, 1 when the control plane's shortcut is sound for it: it has masters and members,
   * a quorum ≥ 1, its gate zones are connected by its gate links (so with the gate up they form
   * one partition side), and no two members share a master's node.
   */
  readonly shortcut: Uint8Array;
  /**
   * Per cluster, 1 when a maintenance step may skip the control plane's evaluation (step-hand-
   * over.ts): the shortcut is sound, there are two masters or more, the endpoint is not pinned to
   * one (single-master) and, stacked, member i is on master i's node (as gatedMasters assumes).
   */
  readonly handOver: Uint8Array;
  /** Per master (masterBase[c] + i): the member on master i's node (stacked), else -1. */
  readonly memberOfMaster: Int32Array;
  /** Clusters each element gates, CSR: clusterList[start[e] .. start[e + 1]). */
  private readonly start: Int32Array;
  private readonly clusterList: Int32Array;

  constructor(model: SimModel, masterBase: Int32Array) {
    const C = model.clusters.length;
    const E = model.elementCount;
    this.down = new Int32Array(C);
    this.downXor = new Int32Array(C);
    this.role = new Uint8Array(E);
    this.roleIndex = new Int32Array(E);
    const setRole = (elements: Int32Array, role: number): void =>
      elements.forEach((e, i) => {
        this.role[e] = role;
        this.roleIndex[e] = i;
      });
    this.shortcut = new Uint8Array(C);
    this.handOver = new Uint8Array(C);
    this.memberOfMaster = new Int32Array(masterBase[C] ?? 0).fill(-1);
    const perElement: number[][] = Array.from({ length: E }, () => []);
    for (let ci = 0; ci < C; ci++) {
      const c = model.clusters[ci];
      if (c === undefined) continue;
      const elements = new Set<number>([
        ...c.masterNode,
        ...c.apiProc,
        ...c.ctrlProc,
        ...c.memberNode,
        ...c.etcdProc,
        ...c.disk,
        ...Array.from(c.gateZones, (z) => model.zoneElement[c.zoneBase + z] ?? 0),
        ...c.gateLinks,
        model.regionElement[c.region] ?? 0,
      ]);
      for (const e of elements) perElement[e]?.push(ci);
      setRole(c.memberNode, ROLE_MEMBER);
      setRole(c.etcdProc, ROLE_MEMBER);
      setRole(c.disk, ROLE_MEMBER);
      // Stacked: a master's node is its member's node too (memberOfMaster).
      setRole(c.masterNode, ROLE_MASTER_NODE);
      setRole(c.apiProc, ROLE_API);
      setRole(c.ctrlProc, ROLE_CTRL);
      const xb = masterBase[ci] ?? 0;
      let shared = true;
      let sameIndex = true;
      for (let i = 0; i < c.masterNode.length; i++) {
        let owners = 0;
        for (let k = 0; k < c.memberNode.length; k++) {
          if (c.memberNode[k] !== c.masterNode[i]) continue;
          this.memberOfMaster[xb + i] = k;
          owners++;
        }
        if (owners > 1) shared = false;
        if (this.memberOfMaster[xb + i] !== i) sameIndex = false;
      }
      const sound =
        shared &&
        c.masterNode.length > 0 &&
        c.memberNode.length > 0 &&
        c.quorum >= 1 &&
        (!c.stacked || c.memberNode.length === c.masterNode.length) &&
        gateZonesConnected(model, c.gateZones, c.gateLinks);
      this.shortcut[ci] = sound ? 1 : 0;
      const handOver =
        sound &&
        c.masterNode.length >= 2 &&
        c.endpoint !== ENDPOINT_SINGLE &&
        (!c.stacked || sameIndex);
      this.handOver[ci] = handOver ? 1 : 0;
    }
    this.start = new Int32Array(E + 1);
    for (let e = 0; e < E; e++)
      this.start[e + 1] = (this.start[e] ?? 0) + (perElement[e]?.length ?? 0);
    this.clusterList = Int32Array.from(perElement.flat());
  }

  /** Every element up. */
  reset(): void {
    this.down.fill(0);
    this.downXor.fill(0);
  }

  /** Element e went down (+1) or came back (-1). */
  changed(e: number, delta: number): void {
    const end = this.start[e + 1] ?? 0;
    for (let i = this.start[e] ?? 0; i < end; i++) {
      const ci = this.clusterList[i] ?? 0;
      this.down[ci] = (this.down[ci] ?? 0) + delta;
      this.downXor[ci] = (this.downXor[ci] ?? 0) ^ e;
    }
  }
}

/** Whether the gate's zones are connected by its links (local zone indices; link elements). */
function gateZonesConnected(model: SimModel, zones: Int32Array, links: Int32Array): boolean {
  if (zones.length === 0) return false;
  const reached = new Set<number>([zones[0] ?? 0]);
  for (let grown = true; grown;) {
    grown = false;
    for (const l of links) {
      const a = model.linkA[l] ?? -1;
      const b = model.linkB[l] ?? -1;
      if (reached.has(a) !== reached.has(b)) {
        reached.add(reached.has(a) ? b : a);
        grown = true;
      }
    }
  }
  return Array.from(zones).every((z) => reached.has(z));
}
