/** Last line of a bench case: its own peak resident memory, read by scripts/bench.ts. */
export function reportPeak(): void {
  process.stdout.write(`BENCH ${JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
