/**
 * The incrementally kept state of packed placement (packed-pods.ts), so that an event costs the
 * same whatever a cluster's number of workers: per worker whether it carries load and since when
 * it is stranded; per cluster the carrying workers that are stranded (in index order), the spare
 * workers that are up (a two-level bitset: the first one in index order is found in
 * O(workers / 1024)), and the workers whose node changed since the cluster was last evaluated.
 * Zones that went down or came back are found per (cluster, zone) at evaluation, O(zones).
 */
import type { SimModel } from '../model/sim-model.js';

/** Bits per cluster are allocated in blocks of 1,024: one summary word per block. */
const BLOCK = 1024;

export class PackedState {
  /** Per worker node element: its global worker index (workerBase[c] + w), else -1. */
  readonly workerOf: Int32Array;
  /** Per global worker: its cluster. */
  readonly clusterOf: Int32Array;
  /** Per global worker: carrying load (1) or spare (0). */
  readonly carrying: Uint8Array;
  /** Per global worker: since when it is stranded (a carrying worker down), else -1. */
  readonly strandedSince: Float64Array;
  /** Per cluster: its stranded carrying workers (local indices, ascending) at workerBase[c]. */
  readonly strandedList: Int32Array;
  readonly strandedCount: Int32Array;
  /** Per cluster: workers whose node went up or down since its last evaluation, at workerBase[c]. */
  readonly dirtyList: Int32Array;
  readonly dirtyCount: Int32Array;
  readonly dirty: Uint8Array;
  /** Per (cluster, zone): whether the zone was effectively up at the cluster's last evaluation. */
  readonly zoneSeen: Uint8Array;
  /** Per (cluster, zone): its workers (local indices), CSR over the (cluster, zone) index. */
  readonly zoneWorkerStart: Int32Array;
  readonly zoneWorkerList: Int32Array;
  /** Spare workers that are up: bit bitBase[c] + w, and a summary bit per non-zero word. */
  readonly spareUp: Uint32Array;
  readonly spareSummary: Uint32Array;
  readonly bitBase: Int32Array;
  private readonly model: SimModel;
  private readonly workerBase: Int32Array;
  /** The clusters that use this state: packed placement with eviction timers. */
  private readonly packedClusters: Int32Array;

  constructor(model: SimModel, workerBase: Int32Array) {
    this.model = model;
    this.workerBase = workerBase;
    const C = model.clusters.length;
    const workers = workerBase[C] ?? 0;
    this.workerOf = new Int32Array(model.elementCount).fill(-1);
    this.clusterOf = new Int32Array(workers);
    this.carrying = new Uint8Array(workers);
    this.strandedSince = new Float64Array(workers);
    this.strandedList = new Int32Array(workers);
    this.strandedCount = new Int32Array(C);
    this.dirtyList = new Int32Array(workers);
    this.dirtyCount = new Int32Array(C);
    this.dirty = new Uint8Array(workers);
    this.zoneSeen = new Uint8Array(model.clusterZones);
    this.zoneWorkerStart = new Int32Array(model.clusterZones + 1);
    this.zoneWorkerList = new Int32Array(workers);
    this.bitBase = new Int32Array(C + 1);
    const packed = model.timers.evict > 0;
    for (let ci = 0; ci < C; ci++) {
      const c = model.clusters[ci];
      const n = c === undefined ? 0 : c.workerNode.length;
      const blocks = Math.ceil(n / BLOCK);
      this.bitBase[ci + 1] = (this.bitBase[ci] ?? 0) + blocks * BLOCK;
      if (c === undefined) continue;
      const wb = workerBase[ci] ?? 0;
      for (let w = 0; w < n; w++) {
        this.clusterOf[wb + w] = ci;
        // Only packed clusters with eviction timers follow their workers' changes.
        if (packed && !c.spread) this.workerOf[c.workerNode[w] ?? 0] = wb + w;
      }
      // Workers per (cluster, zone), in index order.
      for (let z = 0; z < c.zoneCount; z++) {
        const cz = c.clusterZoneBase + z;
        this.zoneWorkerStart[cz + 1] = c.zoneWorkers[z] ?? 0;
      }
    }
    for (let cz = 0; cz < model.clusterZones; cz++)
      this.zoneWorkerStart[cz + 1] =
        (this.zoneWorkerStart[cz + 1] ?? 0) + (this.zoneWorkerStart[cz] ?? 0);
    const fill = Int32Array.from(this.zoneWorkerStart);
    for (const c of model.clusters) {
      for (let w = 0; w < c.workerNode.length; w++) {
        const cz = c.clusterZoneBase + (c.workerZone[w] ?? 0);
        this.zoneWorkerList[fill[cz] ?? 0] = w;
        fill[cz] = (fill[cz] ?? 0) + 1;
      }
    }
    this.packedClusters = Int32Array.from(
      model.clusters.flatMap((c, ci) => (packed && !c.spread ? [ci] : [])),
    );
    const bits = this.bitBase[C] ?? 0;
    this.spareUp = new Uint32Array(bits / 32);
    this.spareSummary = new Uint32Array(bits / BLOCK);
  }

  /**
   * Everything up: the first workersNeeded workers carry, the others are spare (and up). Only the
   * clusters that use this state are touched (nothing at all without packed placement).
   */
  reset(): void {
    if (this.packedClusters.length === 0) return;
    const m = this.model;
    this.zoneSeen.fill(1);
    for (const ci of this.packedClusters) {
      const c = m.clusters[ci];
      if (c === undefined) continue;
      const wb = this.workerBase[ci] ?? 0;
      const n = c.workerNode.length;
      this.strandedSince.fill(-1, wb, wb + n);
      this.dirty.fill(0, wb, wb + n);
      this.strandedCount[ci] = 0;
      this.dirtyCount[ci] = 0;
      this.spareUp.fill(0, (this.bitBase[ci] ?? 0) / 32, (this.bitBase[ci + 1] ?? 0) / 32);
      this.spareSummary.fill(
        0,
        (this.bitBase[ci] ?? 0) / BLOCK,
        (this.bitBase[ci + 1] ?? 0) / BLOCK,
      );
      for (let w = 0; w < n; w++) {
        const carrying = w < c.workersNeeded;
        this.carrying[wb + w] = carrying ? 1 : 0;
        if (!carrying) this.setSpareUp(ci, w, true);
      }
    }
  }

  /** Worker node e went down or came back (called by TrialState.addDown). */
  nodeChanged(e: number): void {
    const g = this.workerOf[e] ?? -1;
    if (g >= 0) this.markDirty(this.clusterOf[g] ?? 0, g);
  }

  /** Marks global worker g of cluster ci as changed since the cluster's last evaluation. */
  markDirty(ci: number, g: number): void {
    if (this.dirty[g] === 1) return;
    this.dirty[g] = 1;
    const k = this.dirtyCount[ci] ?? 0;
    this.dirtyList[(this.workerBase[ci] ?? 0) + k] = g;
    this.dirtyCount[ci] = k + 1;
  }

  setSpareUp(ci: number, w: number, up: boolean): void {
    const bit = (this.bitBase[ci] ?? 0) + w;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    const before = this.spareUp[word] ?? 0;
    const after = up ? before | mask : before & ~mask;
    this.spareUp[word] = after;
    if ((before === 0) !== (after === 0)) {
      const sMask = 1 << (word & 31);
      const sWord = word >>> 5;
      this.spareSummary[sWord] = up
        ? (this.spareSummary[sWord] ?? 0) | sMask
        : (this.spareSummary[sWord] ?? 0) & ~sMask;
    }
  }

  /** The first (lowest index) spare worker of cluster ci that is up, else -1. */
  firstSpareUp(ci: number): number {
    const from = (this.bitBase[ci] ?? 0) / BLOCK;
    const to = (this.bitBase[ci + 1] ?? 0) / BLOCK;
    for (let sw = from; sw < to; sw++) {
      const summary = this.spareSummary[sw] ?? 0;
      if (summary === 0) continue;
      const word = (sw << 5) + lowestBit(summary);
      const bit = (word << 5) + lowestBit(this.spareUp[word] ?? 0);
      return bit - (this.bitBase[ci] ?? 0);
    }
    return -1;
  }

  /** Inserts local worker w into cluster ci's stranded list, keeping index order. */
  addStranded(ci: number, w: number): void {
    const base = this.workerBase[ci] ?? 0;
    let i = base + (this.strandedCount[ci] ?? 0);
    const list = this.strandedList;
    while (i > base && (list[i - 1] ?? 0) > w) {
      list[i] = list[i - 1] ?? 0;
      i--;
    }
    list[i] = w;
    this.strandedCount[ci] = (this.strandedCount[ci] ?? 0) + 1;
  }

  /** Removes the k-th entry of cluster ci's stranded list. */
  removeStrandedAt(ci: number, k: number): void {
    const base = this.workerBase[ci] ?? 0;
    const end = base + (this.strandedCount[ci] ?? 0) - 1;
    const list = this.strandedList;
    for (let i = base + k; i < end; i++) list[i] = list[i + 1] ?? 0;
    this.strandedCount[ci] = (this.strandedCount[ci] ?? 0) - 1;
  }

  /** Removes local worker w from cluster ci's stranded list. */
  removeStranded(ci: number, w: number): void {
    const base = this.workerBase[ci] ?? 0;
    const n = this.strandedCount[ci] ?? 0;
    for (let k = 0; k < n; k++) {
      if (this.strandedList[base + k] === w) {
        this.removeStrandedAt(ci, k);
        return;
      }
    }
  }
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
