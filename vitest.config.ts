import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // the package smoke test installs a tarball and the docs test starts a browser
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.artifacts/vitest-report.json' },
  },
});
