import fc from 'fast-check';

// Property tests are deterministic: a fixed seed unless HASIM_TEST_SEED asks for another one
// (to explore, or to replay a failure that a different seed found).
const seed = Number(process.env['HASIM_TEST_SEED'] ?? 20261121);
fc.configureGlobal({ seed, numRuns: Number(process.env['HASIM_TEST_RUNS'] ?? 100) });
