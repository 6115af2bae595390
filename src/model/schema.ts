/**
 * The zod schema of scenario files, version 1: the single source of truth for the file format
 * (scenario-format.md). It checks the written form only; `rules.ts` checks what a schema cannot
 * express (references between names) and `normalize.ts` fills in defaults.
 */
import { z } from 'zod';
import { DEFAULT_FAILURES } from './defaults.js';
import { LIMITS, MIN_TRIALS_REASON } from './limits.js';
import {
  DURATION_HINT,
  DURATION_PATTERN,
  HOURS_PER_YEAR,
  formatDuration,
  parseDuration,
} from './units.js';

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const NAME_HINT = 'expected a name of lowercase letters, digits, "-" and "." (e.g. eu-west)';

const Name = z.string({ error: NAME_HINT }).regex(NAME_PATTERN, { error: NAME_HINT });

// A bare 0 is a duration too: `leaseDuration: 0` is how people switch a timer off.
export const DurationSchema = z
  .union([z.string().regex(new RegExp(DURATION_PATTERN), { error: DURATION_HINT }), z.literal(0)], {
    error: DURATION_HINT,
  })
  // `1e400y` matches the pattern and is Infinity hours: no engine can run it.
  .refine((d) => Number.isNaN(hoursOf(d)) || Number.isFinite(hoursOf(d)), {
    error: 'a duration must be finite (this one overflows: write it in a larger unit or shorter)',
  })
  .meta({ description: 'A duration: 30s, 10m, 4h, 2d, 1y (365 d), parts such as 1h30m, or 0' });

/** The hours of a written duration (NaN when it is not one). */
function hoursOf(d: string | 0): number {
  return parseDuration(String(d)) ?? Number.NaN;
}

/** A duration the finite check accepts (the other checks skip the rest: one message per value). */
function withinFinite(d: string | 0): boolean {
  return Number.isFinite(hoursOf(d));
}

const LONGEST = formatDuration(LIMITS.maxDurationHours);

/** A duration between `min` and the longest the engines accept (limits.ts). */
function boundedDuration(min: number, what: string): z.ZodType<string | 0> {
  return DurationSchema.refine(
    (d) => !withinFinite(d) || (hoursOf(d) >= min && hoursOf(d) <= LIMITS.maxDurationHours),
    {
      error: `${what} must be between ${formatDuration(min)} and ${LONGEST} (docs/limits.md)`,
    },
  );
}

const WEIBULL_SHAPE_HINT = `a Weibull shape must be between ${LIMITS.minWeibullShape} and ${LIMITS.maxWeibullShape} (docs/limits.md)`;

/** A repair time: at least 1 s (0 is a 0/0 in the engines; `perYear: 0` switches a class off). */
const RepairDuration = boundedDuration(LIMITS.minRepairHours, 'a repair time');

const Rate = z
  .number({ error: 'expected a number of failures per year' })
  .nonnegative({ error: 'a rate must be ≥ 0 per year (0 switches the class off)' })
  .refine((r) => r <= 0 || r >= LIMITS.minPositiveRatePerYear, {
    error: `a rate is 0 (off) or at least ${LIMITS.minPositiveRatePerYear} per year (docs/limits.md)`,
  })
  .max(LIMITS.maxRatePerYear, {
    error: `a rate must be at most ${LIMITS.maxRatePerYear} per year (one event every 32 s; docs/limits.md)`,
  })
  .meta({ description: 'Events per year per element; 0 switches the class off' });

const Probability = z
  .number({ error: 'expected a probability between 0 and 1' })
  .min(0, { error: 'a probability must be between 0 and 1' })
  .max(1, { error: 'a probability must be between 0 and 1' });

const Count = z
  .number({ error: 'expected a whole number ≥ 0' })
  .int({ error: 'expected a whole number ≥ 0' })
  .nonnegative({ error: 'expected a whole number ≥ 0' });

export const RepairSchema = z
  .strictObject({
    mean: RepairDuration.optional().meta({ description: 'Exponential repair with this mean' }),
    median: RepairDuration.optional().meta({ description: 'Lognormal repair with this median' }),
    p90: RepairDuration.optional().meta({
      description: 'The lognormal 90th percentile (≥ the median)',
    }),
    fixed: RepairDuration.optional().meta({ description: 'Repair takes exactly this long' }),
    weibull: z
      .strictObject({
        shape: z
          .number({ error: 'expected a Weibull shape (a number)' })
          .min(LIMITS.minWeibullShape, { error: WEIBULL_SHAPE_HINT })
          .max(LIMITS.maxWeibullShape, { error: WEIBULL_SHAPE_HINT }),
        scale: RepairDuration,
      })
      .optional(),
  })
  .superRefine((repair, ctx) => {
    const forms = (['mean', 'median', 'fixed', 'weibull'] as const).filter(
      (k) => repair[k] !== undefined,
    );
    if (forms.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          forms.length === 0
            ? 'expected one of mean (exponential), median with optional p90 (lognormal), fixed or weibull'
            : `give one repair distribution, not ${forms.join(' and ')}`,
      });
    }
    if (repair.p90 !== undefined && repair.median === undefined) {
      ctx.addIssue({ code: 'custom', path: ['p90'], message: 'p90 goes with median (lognormal)' });
    }
    if (
      repair.p90 !== undefined &&
      repair.median !== undefined &&
      hoursOf(repair.p90) < hoursOf(repair.median)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['p90'],
        message: `p90 (${String(repair.p90)}) is below the median (${String(repair.median)}): 90 % of repairs take at most p90, so p90 ≥ median`,
      });
    }
  })
  .meta({
    description:
      'A repair distribution: {mean} exponential, {median, p90} or {median} lognormal, {fixed}, {weibull: {shape, scale}}',
  });

/** The shortest mttf: one failure every 8760 h / maxRatePerYear (31.5 s). */
const MIN_MTTF_HOURS = HOURS_PER_YEAR / LIMITS.maxRatePerYear;

const failureFields = {
  perYear: Rate.optional(),
  mttf: DurationSchema.refine((d) => hoursOf(d) !== 0, {
    error: 'an mttf must be longer than 0 (perYear: 0 switches the class off)',
  })
    .refine((d) => hoursOf(d) === 0 || hoursOf(d) >= MIN_MTTF_HOURS, {
      error: `an mttf must be at least ${+(MIN_MTTF_HOURS * 3600).toFixed(1)}s (at most ${LIMITS.maxRatePerYear} failures a year; docs/limits.md)`,
    })
    .refine((d) => hoursOf(d) <= HOURS_PER_YEAR / LIMITS.minPositiveRatePerYear, {
      error: `an mttf must be at most ${HOURS_PER_YEAR / LIMITS.minPositiveRatePerYear / HOURS_PER_YEAR}y (at least ${LIMITS.minPositiveRatePerYear} failures a year; perYear: 0 switches a class off)`,
    })
    .optional()
    .meta({ description: 'Mean time to failure, instead of perYear' }),
  repair: RepairSchema.optional(),
};

function oneRateForm(
  f: { perYear?: number | undefined; mttf?: string | 0 | undefined },
  ctx: z.RefinementCtx,
): void {
  if (f.perYear !== undefined && f.mttf !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['mttf'], message: 'give perYear or mttf, not both' });
  }
}

export const FailureClassSchema = z.strictObject(failureFields).superRefine(oneRateForm);

const RolloutSchema = z.union(
  [
    z.literal('all-at-once'),
    z
      .strictObject({
        waves: z
          .array(
            z.union([
              z.number().int().positive({ error: 'a wave is a number of clusters ≥ 1, or "all"' }),
              z.literal('all'),
            ]),
          )
          .min(1, { error: 'list at least one wave' }),
        detection: DurationSchema.meta({
          description:
            'How long a bad change hurts the clusters of the wave that catches it before it is noticed',
        }),
        bake: DurationSchema.optional().meta({
          description:
            'How long each wave runs before the next starts, unless the change was noticed (default: detection)',
        }),
        detectionProbability: Probability.optional().meta({
          description: 'The chance that a wave catches a bad change during its bake (default 0.8)',
        }),
      })
      .superRefine((r, ctx) => {
        const bake = r.bake === undefined ? undefined : parseDuration(String(r.bake));
        const detection = parseDuration(String(r.detection));
        if (bake !== undefined && detection !== undefined && bake < detection)
          ctx.addIssue({
            code: 'custom',
            path: ['bake'],
            message: `a wave bakes at least as long as a bad change takes to notice (detection ${String(r.detection)})`,
          });
      }),
  ],
  { error: 'expected all-at-once or { waves: [1, 2, all], detection: 30m, bake: 1d }' },
);

const OperatorErrorSchema = z
  .strictObject({
    changesPerYear: Rate.optional(),
    badChangeProbability: Probability.optional(),
    repair: RepairSchema.optional(),
    apiDownShare: Probability.optional().meta({
      description: 'Share of bad changes that take the API down',
    }),
    restoreShare: Probability.optional().meta({
      description: 'Share of bad changes that need an etcd restore',
    }),
    dataPlaneShare: Probability.optional().meta({
      description: 'Share of bad changes that take the workloads down (CNI, DNS, node OS)',
    }),
    rollout: RolloutSchema.optional(),
  })
  .superRefine((oe, ctx) => {
    const d = DEFAULT_FAILURES.operatorError;
    const shares = {
      apiDownShare: oe.apiDownShare ?? d.apiDownShare,
      restoreShare: oe.restoreShare ?? d.restoreShare,
      dataPlaneShare: oe.dataPlaneShare ?? d.dataPlaneShare,
    };
    const bad =
      (oe.changesPerYear ?? d.changesPerYear) * (oe.badChangeProbability ?? d.badChangeProbability);
    for (const [key, share] of Object.entries(shares)) {
      const rate = bad * share;
      if (rate > 0 && rate < LIMITS.minPositiveRatePerYear)
        ctx.addIssue({
          code: 'custom',
          path: [oe.badChangeProbability === undefined ? 'changesPerYear' : 'badChangeProbability'],
          message: `bad changes of ${key} happen ${rate} times a year (changesPerYear × badChangeProbability × ${key}): 0, or at least ${LIMITS.minPositiveRatePerYear} (docs/limits.md)`,
        });
    }
    const sum = shares.apiDownShare + shares.restoreShare + shares.dataPlaneShare;
    if (sum > 1 + 1e-12) {
      const given = (['apiDownShare', 'restoreShare', 'dataPlaneShare'] as const).find(
        (k) => oe[k] !== undefined,
      );
      ctx.addIssue({
        code: 'custom',
        ...(given === undefined ? {} : { path: [given] }),
        message: `the shares of bad changes add up to ${+sum.toFixed(6)} (apiDownShare ${shares.apiDownShare} + restoreShare ${shares.restoreShare} + dataPlaneShare ${shares.dataPlaneShare}, defaults included); they must add up to at most 1`,
      });
    }
  });

const MaintenanceSchema = z.strictObject({
  passesPerYear: Rate.optional(),
  perMaster: DurationSchema.optional(),
  graceful: z.boolean({ error: 'expected true or false' }).optional().meta({
    description:
      'true (default): each master is drained from the endpoint and hands its leases over before it stops; false: it stops like a failure',
  }),
});

const DiskSchema = z
  .strictObject({ ...failureFields, storage: z.enum(['local', 'cloud']).optional() })
  .superRefine(oneRateForm);

const FailuresSchema = z.strictObject({
  node: FailureClassSchema.optional(),
  master: FailureClassSchema.optional(),
  etcd: FailureClassSchema.optional(),
  worker: FailureClassSchema.optional(),
  disk: DiskSchema.optional(),
  zone: FailureClassSchema.optional(),
  region: FailureClassSchema.optional().meta({
    description: 'Region blackout: every VM of the region down',
  }),
  regionImpairment: FailureClassSchema.optional().meta({
    description:
      "Region impairment: the cloud's load balancers, DNS and APIs fail; running VMs keep running, failed VMs are not replaced until it ends",
  }),
  partition: FailureClassSchema.optional(),
  process: FailureClassSchema.optional(),
  loadBalancer: FailureClassSchema.optional(),
  operatorError: OperatorErrorSchema.optional(),
  maintenance: MaintenanceSchema.optional(),
});

const ZoneCountsSchema = z
  .record(z.string(), Count)
  .meta({ description: 'A count per zone of the cluster region, e.g. { a: 1, b: 1, c: 1 }' });

const EndpointKindSchema = z.enum(['cloud', 'keepalived', 'local-proxy', 'dns', 'single-master'], {
  error: 'expected one of cloud, keepalived, local-proxy, dns, single-master',
});

const ClusterSchema = z.strictObject({
  name: Name,
  region: z.string({ error: 'expected the name of a region' }),
  masters: ZoneCountsSchema,
  etcd: z
    .union([z.literal('stacked'), ZoneCountsSchema], {
      error: 'expected "stacked" or etcd members per zone, e.g. { a: 1, b: 1, c: 1 }',
    })
    .optional()
    .meta({
      description:
        '"stacked" (one member on every master, the default) or external members per zone',
    }),
  endpoint: z
    .union(
      [
        EndpointKindSchema,
        z.strictObject({
          kind: EndpointKindSchema,
          zone: z.string().optional().meta({
            description: "single-master: the pinned master's zone; keepalived: both hosts' zone",
          }),
          zones: z
            .tuple([z.string(), z.string()], {
              error: 'expected the zones of the two keepalived hosts, e.g. [a, b]',
            })
            .optional()
            .meta({ description: 'keepalived: the zones of its two hosts, e.g. [a, b]' }),
        }),
      ],
      { error: 'expected cloud, keepalived, local-proxy, dns or single-master, or { kind, zone }' },
    )
    .optional(),
  workers: ZoneCountsSchema,
  workersNeeded: Count.optional().meta({
    description: 'Workers needed to carry the load (default: all)',
  }),
  placement: z.enum(['spread', 'packed'], { error: 'expected spread or packed' }).optional().meta({
    description:
      'spread (default): replicas over every worker, a node loss is absorbed; packed: the load sits on workersNeeded workers (singletons, stateful sets)',
  }),
});

const RegionSchema = z.strictObject({
  name: Name,
  zones: z.array(Name).min(1, { error: 'a region needs at least one zone' }),
  users: z.number().nonnegative({ error: 'users is a share of traffic, ≥ 0' }).optional(),
});

const ClusterList = z.union([z.literal('all'), z.array(z.string()).min(1)], {
  error: 'expected all or a list of cluster names',
});

export const EventSchema = z
  .strictObject({
    at: DurationSchema,
    for: DurationSchema.optional().meta({
      description: 'How long the failure lasts (default: the median repair of its class)',
    }),
    fail: z.string().optional().meta({
      description:
        'zone <region>/<zone> | region <region> (blackout) | impairment <region> | master|etcd|worker <cluster>/<zone> | endpoint <cluster>',
    }),
    partition: z.tuple([z.array(z.string()).min(1), z.array(z.string()).min(1)]).optional(),
    operatorError: z
      .strictObject({
        clusters: ClusterList,
        rollout: RolloutSchema.optional(),
        effect: z
          .enum(['api-down', 'etcd-restore', 'data-plane'], {
            error: 'expected api-down, etcd-restore or data-plane',
          })
          .optional(),
      })
      .optional(),
    maintenance: z.strictObject({ clusters: ClusterList }).optional(),
  })
  .superRefine((event, ctx) => {
    const actions = (['fail', 'partition', 'operatorError', 'maintenance'] as const).filter(
      (k) => event[k] !== undefined,
    );
    if (actions.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          actions.length === 0
            ? 'an event needs one of fail, partition, operatorError or maintenance'
            : `an event does one thing, not ${actions.join(' and ')}`,
      });
    }
  });

const TRIALS_HINT = `trials must be a whole number from ${LIMITS.minTrials} to ${LIMITS.maxTrials}`;

const Percent = z
  .number({ error: 'expected a percentage, e.g. 99.95' })
  .gt(0, { error: 'an objective is a percentage in (0, 100]' })
  .max(100, { error: 'an objective is a percentage in (0, 100]' });

const Cost = z.number().nonnegative({ error: 'a cost must be ≥ 0' });

export const ScenarioFileSchema = z
  .strictObject(
    {
      $schema: z.string().optional(),
      version: z.literal(1, { error: 'expected version: 1' }),
      name: Name,
      description: z.string().optional(),
      regions: z.array(RegionSchema).min(1, { error: 'a scenario needs at least one region' }),
      clusters: z.array(ClusterSchema).min(1, { error: 'a scenario needs at least one cluster' }),
      failover: z.enum(['cross-region', 'local-only']).optional(),
      failures: FailuresSchema.optional(),
      backup: z
        .strictObject({
          interval: DurationSchema.optional(),
          restore: RepairSchema.optional(),
          location: z.enum(['off-cluster', 'on-etcd-nodes']).optional(),
        })
        .optional(),
      timers: z
        .strictObject({
          leaseDuration: DurationSchema.optional(),
          endpointFailover: z
            .union([
              DurationSchema,
              z.strictObject({
                cloud: DurationSchema.optional(),
                keepalived: DurationSchema.optional(),
                'local-proxy': DurationSchema.optional(),
                dns: DurationSchema.optional(),
              }),
            ])
            .optional()
            .meta({
              description:
                'How long the endpoint keeps sending to a stopped apiserver: one duration, or per endpoint kind',
            }),
          nodeMonitorGrace: DurationSchema.optional(),
          podEviction: DurationSchema.optional(),
        })
        .optional(),
      events: z.array(EventSchema).optional(),
      simulation: z
        .strictObject({
          horizon: DurationSchema.refine((d) => hoursOf(d) !== 0, {
            error: 'the horizon must be longer than 0',
          })
            .refine((d) => !withinFinite(d) || hoursOf(d) <= LIMITS.maxDurationHours, {
              error: `the horizon must be at most ${LONGEST} (docs/limits.md)`,
            })
            .optional(),
          trials: z
            .number({ error: TRIALS_HINT })
            .int({ error: TRIALS_HINT })
            .min(LIMITS.minTrials, { error: `${TRIALS_HINT}: ${MIN_TRIALS_REASON}` })
            .max(LIMITS.maxTrials, { error: TRIALS_HINT })
            .optional(),
          seed: z.number().int({ error: 'a seed is a whole number' }).optional(),
        })
        .optional(),
      objectives: z
        .strictObject({
          etcdQuorum: Percent.optional(),
          api: Percent.optional(),
          scheduling: Percent.optional(),
          workloads: Percent.optional(),
          served: Percent.optional(),
          usersServed: Percent.optional().meta({
            description: 'The share of users served, regions weighted by their users',
          }),
          local: Percent.optional(),
        })
        .optional(),
      cost: z
        .strictObject({
          node: Cost.optional(),
          master: Cost.optional(),
          etcd: Cost.optional(),
          worker: Cost.optional(),
          loadBalancer: Cost.optional(),
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? 'a scenario is a mapping with version, name, regions and clusters'
          : undefined,
    },
  )
  .meta({
    title: 'hasim scenario',
    description: 'A hasim scenario file, version 1 (see docs/scenarios.md)',
  });

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
export type RepairWritten = z.infer<typeof RepairSchema>;
export type FailureClassWritten = z.infer<typeof FailureClassSchema>;
export type EventWritten = z.infer<typeof EventSchema>;
