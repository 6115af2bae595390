/** Loads one scenario for a command: warnings to stderr, errors thrown as ScenarioError. */
import { readScenarioFile } from '../io/read-scenario.js';
import type { Topology } from '../model/topology.js';
import type { CliContext } from './context.js';
import { ScenarioError } from './errors.js';
import { renderLoadProblems } from './render-issues.js';

export async function loadTopology(file: string, ctx: CliContext): Promise<Topology> {
  const result = await readScenarioFile(file);
  if (!result.ok) throw new ScenarioError(result);
  if (result.warnings.length > 0) ctx.stderr(renderLoadProblems(result, ctx.style));
  return result.topology;
}
