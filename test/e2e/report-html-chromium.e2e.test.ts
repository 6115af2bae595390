/**
 * The HTML report opened in headless Chromium (Debian's `chromium`, driven by playwright-core;
 * never a browser download): no console error, every chart drawn with its title, no request
 * but the file itself, and a screenshot kept in test-artifacts/ (gitignored). Skipped only
 * outside CI when /usr/bin/chromium is missing; `.ci/run` installs it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChartSpecs } from '../../src/report/chart-specs.js';
import { renderChartSvgs } from '../../src/report/render-chart-svg.js';
import { renderReportHtml } from '../../src/report/render-report-html.js';
import { scenarioReport, withPlan, withSla } from '../helpers/report-fixtures.js';
import { ROOT, runBin } from '../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const CI = !['', '0', 'false', undefined].includes(process.env['CI']);
const SKIP = !CI && !existsSync(CHROMIUM);
const ARTIFACTS = join(ROOT, 'test-artifacts');
const TITLE = SKIP
  ? `the HTML report in Chromium — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium; CI runs it)`
  : 'the HTML report in Chromium';

let dir = '';
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (SKIP) return;
  dir = await mkdtemp(join(tmpdir(), 'hasim-chromium-'));
  await mkdir(ARTIFACTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await context?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

interface SvgElement {
  getBoundingClientRect(): { width: number; height: number };
  querySelector(selector: string): { textContent: string | null } | null;
}

interface Opened {
  errors: string[];
  requests: string[];
  charts: { title: string; width: number; height: number }[];
  text: string;
}

/** Opens a file, collects what the page logged and requested, and keeps a screenshot. */
async function open(file: string, screenshot: string): Promise<Opened> {
  const page = await context!.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // The callback runs in the page; tsconfig has no DOM types, so the shape is spelled out.
  const charts = await page.$$eval('figure.chart > svg', (svgs: SvgElement[]) =>
    svgs.map((s) => {
      const box = s.getBoundingClientRect();
      return {
        title: s.querySelector(':scope > title')?.textContent ?? '',
        width: box.width,
        height: box.height,
      };
    }),
  );
  const text = await page.innerText('body');
  await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
  await page.close();
  return { errors, requests, charts, text };
}

// eslint-disable-next-line vitest/valid-title -- when skipped, the title says why
describe.skipIf(SKIP)(TITLE, () => {
  it('renders hasim report scenarios/two-zone-etcd.yaml --format html with its charts, offline', async () => {
    // Arrange: the acceptance command of issue 11, through the built binary.
    const file = join(dir, 'two-zone-etcd.html');
    const r = await runBin([
      'report',
      'scenarios/two-zone-etcd.yaml',
      '--format',
      'html',
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    // Act
    const page = await open(file, 'report-two-zone-etcd.png');
    // Assert
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file).href]);
    expect(page.charts.map((c) => c.title)).toEqual(['Downtime by cause', 'Outage durations']);
    for (const c of page.charts) expect(c.width * c.height).toBeGreaterThan(10_000);
    expect(page.text).toContain('Losing zone eu-central/a breaks etcd quorum of cluster prod');
    expect(page.text).toContain('its loss breaks prod etcd quorum');
  });

  it('draws all four charts of a report with an SLA view and a plan', async () => {
    const report = withPlan(withSla(await scenarioReport('scenarios/two-zone-etcd.yaml', 300)));
    const file = join(dir, 'four-charts.html');
    await writeFile(file, renderReportHtml(report, await renderChartSvgs(buildChartSpecs(report))));
    const page = await open(file, 'report-four-charts.png');
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file).href]);
    expect(page.charts.map((c) => c.title)).toEqual([
      'Downtime by cause',
      'Outage durations',
      'Downtime per month against the objectives',
      'Cost against availability',
    ]);
  });
});
