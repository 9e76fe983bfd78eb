// V8 optimises a function after a budget of ticks; a run is seconds long, and at the default budget about a quarter of its
// CPU went to optimising code it then barely used. 16× the default (measured in pairs, docs/benchmarks.md): the sample's full
// run 3.2 → 2.5 s CPU (user+sys) with the same bytes out. Used by bin/lei.js, and by the test workers and the test sample's child.
export const INTERRUPT_BUDGET_FLAG = '--interrupt-budget=1081344';
