/**
 * Units of scenario files. Internally every duration is in hours and every rate is per year.
 * A year is 365 days (8760 h), as in scenario-format.md.
 */

export const HOURS_PER_YEAR = 8760;

const UNIT_HOURS = {
  ms: 1 / 3_600_000,
  s: 1 / 3600,
  m: 1 / 60,
  h: 1,
  d: 24,
  w: 168,
  y: HOURS_PER_YEAR,
} as const;

type DurationUnit = keyof typeof UNIT_HOURS;

/**
 * The written form of a duration: `0` or one or more `<number><unit>` parts, e.g. `1h30m`.
 * Exponents (`1e-7h`) are accepted so that any number of hours can be written back exactly.
 */
export const DURATION_PATTERN = '^(?:0|(?:\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?:ms|s|m|h|d|w|y))+)$';
const PART = /(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(ms|s|m|h|d|w|y)/g;
const WHOLE = new RegExp(DURATION_PATTERN);

/** The message used wherever a duration is expected. */
export const DURATION_HINT = 'expected a duration such as 30s, 10m, 4h, 2d or 1y';

/**
 * Parses a written duration into hours.
 * @returns the duration in hours, or undefined when the text is not a duration
 * @example parseDuration('1h30m') // 1.5
 */
export function parseDuration(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  if (text === '0') return 0;
  let hours = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    hours += Number(amount) * UNIT_HOURS[unit as DurationUnit];
  }
  return hours;
}

/**
 * Writes hours back as a duration that parses to exactly the same number.
 * Whole numbers of a larger unit are written in that unit; anything else in hours.
 */
export function formatDuration(hours: number): string {
  if (hours === 0) return '0';
  for (const unit of ['y', 'd', 'h', 'm', 's'] as const) {
    const amount = hours / UNIT_HOURS[unit];
    if (Number.isInteger(amount) && amount * UNIT_HOURS[unit] === hours) return `${amount}${unit}`;
  }
  return `${hours}h`;
}

/** A short human rendering of hours for tables: `10 min`, `4.5 h`, `3.2 d`. */
export function humanizeHours(hours: number): string {
  const round = (x: number): string => String(Number(x.toPrecision(3)));
  if (hours < 1 / 60) return `${round(hours * 3600)} s`;
  if (hours < 1) return `${round(hours * 60)} min`;
  if (hours < 48) return `${round(hours)} h`;
  if (hours < HOURS_PER_YEAR) return `${round(hours / 24)} d`;
  return `${round(hours / HOURS_PER_YEAR)} y`;
}
