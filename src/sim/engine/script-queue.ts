/**
 * A trial's queue of scripted actions: the scenario's compiled events (script-actions.ts) plus
 * the actions they schedule while the trial runs (a scripted bad change's effect on each cluster
 * it reaches, decided by a draw when the change starts). Kept sorted by time, ties in insertion
 * order; scripts are short, so inserting by moving entries is cheap.
 */
import type { ScriptActions } from '../model/script-actions.js';

export class ScriptQueue {
  time = new Float64Array(16);
  op = new Uint8Array(16);
  arg = new Int32Array(16);
  /** The index of the scenario event an action comes from. */
  event = new Int32Array(16);
  count = 0;
  /** The next action to apply. */
  cursor = 0;

  /** The compiled script's actions, none applied yet. */
  reset(script: ScriptActions | undefined): void {
    this.count = 0;
    this.cursor = 0;
    if (script === undefined) return;
    for (let i = 0; i < script.time.length; i++) {
      this.push(script.time[i] ?? Infinity, script.op[i] ?? 0, script.arg[i] ?? 0);
      this.event[i] = script.event[i] ?? -1;
    }
  }

  /** The time of the next action (Infinity when none is left). */
  nextTime(): number {
    return this.cursor < this.count ? (this.time[this.cursor] ?? Infinity) : Infinity;
  }

  /** Adds an action after every action due at or before `time`. */
  insert(time: number, op: number, arg: number, event: number): void {
    this.push(time, op, arg);
    let i = this.count - 1;
    for (; i > this.cursor && (this.time[i - 1] ?? 0) > time; i--) {
      this.time[i] = this.time[i - 1] ?? 0;
      this.op[i] = this.op[i - 1] ?? 0;
      this.arg[i] = this.arg[i - 1] ?? 0;
      this.event[i] = this.event[i - 1] ?? 0;
    }
    this.time[i] = time;
    this.op[i] = op;
    this.arg[i] = arg;
    this.event[i] = event;
  }

  // --- internal ---

  private push(time: number, op: number, arg: number): void {
    if (this.count === this.time.length) this.grow();
    this.time[this.count] = time;
    this.op[this.count] = op;
    this.arg[this.count] = arg;
    this.count++;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const time = new Float64Array(n);
    const op = new Uint8Array(n);
    const arg = new Int32Array(n);
    const event = new Int32Array(n);
    time.set(this.time);
    op.set(this.op);
    arg.set(this.arg);
    event.set(this.event);
    this.time = time;
    this.op = op;
    this.arg = arg;
    this.event = event;
  }
}
