import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '../../../src/sim/engine/indexed-heap.js';

// requeue(slot, t) claims to leave the heap exactly as set(slot, Infinity) then set(slot, t) do:
// the layout decides which of two equal times comes first, so a trial's events depend on it.
// Keys are drawn from a few values so that ties are everywhere; after every operation the two
// heaps must agree on the next event, and drained one event at a time, on their whole order.
const KEYS = [0, 1, 2, 3, Infinity];

/** The slots in the order the heap gives them, each set to +Infinity once taken. */
function drain(h: IndexedHeap): number[] {
  const order: number[] = [];
  while (h.topKey() < Infinity) {
    order.push(h.top());
    h.set(h.top(), Infinity);
  }
  return order;
}

describe('IndexedHeap.requeue', () => {
  it('moves every slot as set(slot, Infinity) then set(slot, time) do, ties included', () => {
    const op = fc.record({
      slot: fc.nat(),
      key: fc.constantFrom(...KEYS),
      requeue: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(op, { maxLength: 200 }),
        (size, ops) => {
          const ours = new IndexedHeap(size);
          const reference = new IndexedHeap(size);
          for (const { slot, key, requeue } of ops) {
            const s = slot % size;
            if (requeue) {
              ours.requeue(s, key);
              reference.set(s, Infinity);
              reference.set(s, key);
            } else {
              ours.set(s, key);
              reference.set(s, key);
            }
            expect(ours.top()).toBe(reference.top());
            expect(ours.topKey()).toBe(reference.topKey());
          }
          expect(drain(ours)).toEqual(drain(reference));
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('requeues the top slot, as a timer that ends and is set again at once', () => {
    const ours = new IndexedHeap(31);
    const reference = new IndexedHeap(31);
    for (let k = 0; k < 31; k++) {
      ours.set(k, k % 4);
      reference.set(k, k % 4);
    }
    for (let n = 0; n < 100; n++) {
      const top = ours.top();
      const time = ours.topKey() + (n % 3);
      ours.requeue(top, time);
      reference.set(reference.top(), Infinity);
      reference.set(top, time);
      expect(ours.top()).toBe(reference.top());
    }
    expect(drain(ours)).toEqual(drain(reference));
  });
});
