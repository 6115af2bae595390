import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import { serializeTopology } from '../../../src/model/serialize.js';
import { validateScenario } from '../../../src/model/validate.js';
import { scenarioFileArb } from '../../helpers/arbitraries.js';

describe('scenario round trip', () => {
  it('accepts every generated valid scenario file', () => {
    fc.assert(
      fc.property(scenarioFileArb, (file) => {
        const r = validateScenario(file);
        expect(r.ok ? [] : r.errors).toEqual([]);
      }),
    );
  });

  it('serialises every valid topology to YAML that loads back equal', () => {
    fc.assert(
      fc.property(scenarioFileArb, (file) => {
        // Arrange
        const first = validateScenario(file);
        fc.pre(first.ok);
        if (!first.ok) return;
        // Act
        const text = stringify(serializeTopology(first.topology));
        const again = loadScenarioText(text, 'round-trip.yaml');
        // Assert
        expect(again.ok ? [] : again.errors).toEqual([]);
        expect(again.ok && again.topology).toEqual(first.topology);
      }),
    );
  });

  it('serialises to JSON that loads back equal too', () => {
    fc.assert(
      fc.property(scenarioFileArb, (file) => {
        const first = validateScenario(file);
        fc.pre(first.ok);
        if (!first.ok) return;
        const again = loadScenarioText(
          JSON.stringify(serializeTopology(first.topology)),
          'round-trip.json',
        );
        expect(again.ok && again.topology).toEqual(first.topology);
      }),
      { numRuns: 30 },
    );
  });
});
