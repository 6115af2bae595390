/**
 * What no result may hold (issue 10): NaN or ±Infinity (JSON writes them as null), an
 * availability outside [0, 1], or an interval [lo, hi] with lo > hi. Returns the paths of the
 * offenders; nulls are allowed only where the result documents them.
 */

/** Fields documented as null in some results (docs/json-output.md). */
const NULLABLE = new Set(['nines', 'outageDurationHours', 'importance', 'effectiveSampleSize']);

export function outOfRange(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === null) {
    const key = path.slice(path.lastIndexOf('.') + 1);
    return NULLABLE.has(key) ? [] : [`${path} = null`];
  }
  if (Array.isArray(value)) {
    const out = value.flatMap((v, i) => outOfRange(v, `${path}[${i}]`));
    const [lo, hi] = value as unknown[];
    if (path.endsWith('ci95') && typeof lo === 'number' && typeof hi === 'number' && lo > hi)
      out.push(`${path} = [${lo}, ${hi}]: lo > hi`);
    return out;
  }
  if (typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = `${path}.${key}`;
    out.push(...outOfRange(v, at));
    if (key === 'availability') out.push(...probabilityOf(v, at));
  }
  return out;
}

/** An availability: a number (analyze) or an estimate { mean, ci95 } (simulate), in [0, 1]. */
function probabilityOf(v: unknown, path: string): string[] {
  const numbers =
    typeof v === 'number'
      ? [v]
      : typeof v === 'object' && v !== null && 'mean' in v && 'ci95' in v
        ? [(v as { mean: number }).mean, ...(v as { ci95: number[] }).ci95]
        : [];
  return numbers.some((x) => !(x >= 0 && x <= 1))
    ? [`${path} outside [0, 1]: ${JSON.stringify(v)}`]
    : [];
}
