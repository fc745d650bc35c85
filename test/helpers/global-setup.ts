import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    equilabRunId: string;
  }
}

/** One id per `vitest run`, so notebooks executed for several test files run once per run (test/helpers/notebooks.ts). */
export default function setup(project: TestProject): void {
  project.provide('equilabRunId', `${Date.now()}-${process.pid}`);
}
