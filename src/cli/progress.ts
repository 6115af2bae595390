/**
 * The progress bar of long runs: trials done, rate, ETA (cli-progress on stderr). Only on a
 * terminal, never in CI (env CI set) or with --json. `HASIM_PROGRESS=lines` asks for plain lines
 * instead, anywhere (logs of a Kubernetes Job, scripts that wait for the run to be under way):
 * `hasim: progress: <label> <done>/<total>` when a pass starts and at each further percent.
 */
import cliProgress from 'cli-progress';
import type { CliContext } from './context.js';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

const NONE: Progress = { start: () => {}, update: () => {}, stop: () => {} };

export function createProgress(ctx: CliContext, json: boolean): Progress {
  if (ctx.env['HASIM_PROGRESS'] === 'lines') return lines(ctx);
  const ci = ctx.env['CI'] !== undefined && ctx.env['CI'] !== '' && ctx.env['CI'] !== 'false';
  if (json || ci || !ctx.isTTY || !process.stderr.isTTY) return NONE;
  let bar: cliProgress.SingleBar | null = null;
  let started = 0;
  return {
    start(total, label) {
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${label} |{bar}| {value}/{total} · {rate}/s · ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      started = performance.now();
      bar.start(total, 0, { rate: '0' });
    },
    update(done) {
      const seconds = (performance.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

// --- internal ---

function lines(ctx: CliContext): Progress {
  let label = '';
  let total = 0;
  let shown = -1;
  const show = (done: number): void => {
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (percent <= shown) return;
    shown = percent;
    ctx.stderr(`hasim: progress: ${label} ${done}/${total}\n`);
  };
  return {
    start(t, l) {
      label = l;
      total = t;
      shown = -1;
      show(0);
    },
    update: show,
    stop() {},
  };
}
