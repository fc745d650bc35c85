import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Notebook and browser tests start Jupyter kernels and Chromium: give them room, and run files one at a time
    // on this 2-core machine so kernels do not starve each other.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
