/** The run thread's resource limits, as pipelines/run-thread.ts RUN_THREAD_LIMITS. */
export declare const EARLY_THREAD_LIMITS: { maxYoungGenerationSizeMb: number };
/** Starts the bundle's run thread before the bundle loads (bin/lei.js, `lei run --full`; why: bin/run-thread-start.js). */
export declare function startRunThreadEarly(): void;
