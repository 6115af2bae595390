/**
 * A memo of a pure function's results by a text key, holding entries up to a total weight (the
 * oldest go first). The exact engine keeps what depends only on numbers it was given (region
 * states, the health gate's transients) so that the many evaluations of one analysis, and the
 * candidates of a plan sharing their failure classes, compute them once. Cached values are
 * shared: callers must not modify them.
 */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>();
  #weight = 0;

  /**
   * @param capacity the total weight held
   * @param weigh the weight of a value (e.g. its size); 1 each by default
   */
  constructor(
    readonly capacity: number,
    readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** The value for `key`, computed by `compute` when it is not held. */
  get(key: string, compute: () => V): V {
    const held = this.#entries.get(key);
    if (held !== undefined) return held.value;
    const value = compute();
    const weight = this.weigh(value);
    for (const [oldest, entry] of this.#entries) {
      if (this.#weight + weight <= this.capacity) break;
      this.#entries.delete(oldest);
      this.#weight -= entry.weight;
    }
    if (weight <= this.capacity) {
      this.#entries.set(key, { value, weight });
      this.#weight += weight;
    }
    return value;
  }
}
