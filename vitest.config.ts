import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'engine/**/*.test.ts'],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: 'docker',
          // examples/ import goverity/testing as a user would; inside the repository that name is the source.
          include: ['test/docker/**/*.test.ts', 'examples/**/*.test.ts'],
          alias: { 'goverity/testing': new URL('./harness/testing/testing-api.ts', import.meta.url).pathname },
          globalSetup: ['test/docker/docker-engine-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 1_200_000,
          // Image builds and containers share 2 cores; files run one at a time, tests inside them concurrently.
          fileParallelism: false,
          maxConcurrency: 2,
        },
      },
      {
        // The corpus again, each scenario's snapshot reproduced and run (test/docker/corpus): `npm run test:roundtrip`.
        test: {
          name: 'roundtrip',
          include: ['test/docker/corpus/corpus.test.ts'],
          env: { GOVERITY_CORPUS_ROUND_TRIP: '1' },
          globalSetup: ['test/docker/docker-engine-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 1_200_000,
          fileParallelism: false,
          maxConcurrency: 2,
        },
      },
      {
        // The slow tier: real VMs under QEMU (software emulation here); `npm run test:vm`, not part of `npm test`.
        test: {
          name: 'vm',
          include: ['test/vm/**/*.test.ts'],
          globalSetup: ['test/docker/docker-engine-setup.ts'],
          testTimeout: 1_200_000,
          hookTimeout: 1_800_000,
          fileParallelism: false,
          maxConcurrency: 1,
        },
      },
    ],
  },
});
