/** The V8 flag bin/lei.js sets before the bundle loads (why: bin/v8-flags.js). */
export declare const INTERRUPT_BUDGET_FLAG: string;
