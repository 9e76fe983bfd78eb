// Progress through large input files, drawn on stderr (only on a terminal: logs elsewhere stay clean).
import cliProgress from 'cli-progress';

/** One bar per file, on stderr; started when a file reports its first progress. */
export function progressBar(): { update: (file: string, done: number, total: number) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
    current = '';
  };
  return {
    update: (file, done, total) => {
      if (file !== current) {
        stop();
        current = file;
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${file} [{bar}] {percentage}%`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar!.update(done);
    },
    stop,
  };
}
