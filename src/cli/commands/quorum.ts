/** `hasim quorum`: majority, tolerance and zone tolerance of one etcd placement, with advice. */
import type { Command } from 'commander';
import { buildQuorumReport } from '../../quorum/quorum-report.js';
import { renderQuorumText } from '../../report/render-quorum-text.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { parseCountList, parseIntegerOption } from '../parse-options.js';

interface QuorumOptions {
  members?: number;
  zones?: number[];
  json?: boolean;
}

const MAX_MEMBERS = 99;
const MAX_ZONES = 16;

export function registerQuorum(program: Command, ctx: CliContext): Command {
  return program
    .command('quorum')
    .description('majority, failure tolerance and zone tolerance of an etcd placement')
    .option('--members <n>', `etcd members (1–${MAX_MEMBERS})`, parseIntegerOption(1, MAX_MEMBERS))
    .option(
      '--zones <counts>',
      'members per zone, comma-separated (e.g. 2,2,1); the zones are named z1, z2, …',
      parseCountList(0),
    )
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nWithout --zones hasim knows nothing of the zones and reports no zone tolerance\n' +
        '(it does not assume a spread); the alternatives show spreads over 3 zones.\n' +
        '--zones alone defines the members; with both, they must agree.\n' +
        'Examples:\n  hasim quorum --members 5 --zones 2,2,1\n  hasim quorum --zones 3,2 --json',
    )
    .action((options: QuorumOptions) => {
      const report = buildQuorumReport(checkOptions(options));
      ctx.stdout(
        options.json ? `${JSON.stringify(report, null, 2)}\n` : renderQuorumText(report, ctx.style),
      );
    });
}

// --- internal ---

function checkOptions(options: QuorumOptions): { members?: number; zones?: number[] } {
  const { members, zones } = options;
  if (zones === undefined) {
    if (members === undefined) throw new UsageError('give --members, --zones or both');
    return { members };
  }
  const held = zones.reduce((a, b) => a + b, 0);
  if (zones.length > MAX_ZONES) {
    throw new UsageError(`--zones lists ${zones.length} zones; at most ${MAX_ZONES}`);
  }
  if (held < 1 || held > MAX_MEMBERS) {
    throw new UsageError(`--zones must hold 1 to ${MAX_MEMBERS} members, got ${held}`);
  }
  if (members !== undefined && members !== held) {
    throw new UsageError(
      `--zones ${zones.join(',')} holds ${held} members but --members is ${members}`,
    );
  }
  return { members: held, zones };
}
