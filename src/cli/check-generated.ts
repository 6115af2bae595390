/** A scenario hasim wrote must validate before anyone sees it (init, import). */
import { loadScenarioText } from '../io/read-scenario.js';
import type { Topology } from '../model/topology.js';
import { InternalError, UsageError } from './errors.js';

/** The topology of generated scenario text; a bad --name is the user's, anything else a bug. */
export function checkGeneratedScenario(text: string, command: string): Topology {
  const check = loadScenarioText(text, `the scenario of ${command}`);
  if (check.ok) return check.topology;
  const first = check.errors[0];
  if (first?.path[0] === 'name') throw new UsageError(`--name: ${first.message}`);
  throw new InternalError(`${command} built an invalid scenario: ${first?.message ?? '?'}`);
}
