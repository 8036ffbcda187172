/**
 * The progress of a bulk run, on standard error. On a terminal: a bar with the rows done,
 * failed and remaining, the rate and the time left, redrawn a few times a second, with notes
 * printed above it. Elsewhere (a file, a pipe, a CI log): the same figures as a plain line every
 * few seconds, since a redrawn bar would fill a log with control characters.
 */
import { MultiBar, Presets } from 'cli-progress';

import type { Output } from './output.ts';

/** The figures shown. */
export interface ProgressCounts {
  /** Rows in the input. */
  total: number;
  /** Rows with an outcome, earlier runs included. */
  done: number;
  /** Of those, rows that failed or were not sent because of a problem of their own. */
  failed: number;
  /** Rows with an outcome from this run's requests: the rate is measured on them. */
  doneThisRun: number;
}

/** A running display. */
export interface ProgressDisplay {
  /** Stops drawing; the bar, if any, stays on the screen as it was last drawn. */
  stop(): void;
}

/** Options of {@link startProgress}. */
export interface ProgressOptions {
  /** Seconds between two plain lines, when standard error is not a terminal. */
  everySeconds: number;
}

// A bar redrawn more often than this is not read any faster, and costs CPU under load.
const BAR_REDRAW_MS = 200;

/** Starts showing the figures that `counts` gives, until stopped. */
export function startProgress(
  output: Output,
  options: ProgressOptions,
  counts: () => ProgressCounts,
): ProgressDisplay {
  const started = performance.now();
  const figures = () => describe(counts(), (performance.now() - started) / 1000);

  if (!output.interactive) {
    const timer = setInterval(() => {
      const { done, failed, remaining, rate, left, total } = figures();
      output.note(
        `progress: ${done} of ${total} done, ${failed} failed, ${remaining} remaining, ` +
          `${rate} rows/s, ${left} left`,
      );
    }, options.everySeconds * 1000);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  const bars = new MultiBar(
    {
      stream: output.progressStream,
      format:
        '{bar} {percentage}% | {done} done, {failed} failed, {remaining} remaining | ' +
        '{rate} rows/s | {left} left',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      gracefulExit: false,
      // the bar is redrawn by the timer below, not on each row
      fps: 1000 / BAR_REDRAW_MS,
      autopadding: true,
    },
    Presets.shades_classic,
  );
  const initial = figures();
  const bar = bars.create(Math.max(initial.total, 1), initial.done, initial);
  output.drawAbove((line) => bars.log(`${line}\n`));
  const timer = setInterval(() => {
    const now = figures();
    bar.update(now.done, now);
  }, BAR_REDRAW_MS);
  timer.unref();

  let stopped = false;
  return {
    stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      clearInterval(timer);
      const now = figures();
      bar.update(now.done, now);
      // notes wait for the next redraw to be printed above the bar: this one is the last
      bars.update();
      bars.stop();
      output.drawAbove(undefined);
    },
  };
}

/** The figures as they are shown. */
function describe(counts: ProgressCounts, seconds: number) {
  const remaining = counts.total - counts.done;
  const rate = seconds > 0 ? counts.doneThisRun / seconds : 0;
  return {
    total: counts.total,
    done: counts.done,
    failed: counts.failed,
    remaining,
    rate: rate.toFixed(1),
    left: remaining === 0 ? '0s' : rate > 0 ? duration(remaining / rate) : 'unknown time',
  };
}

/** `1h05m`, `4m10s`, `12s`. */
export function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) {
    return `${hours}h${String(minutes).padStart(2, '0')}m`;
  }
  return minutes > 0 ? `${minutes}m${String(rest).padStart(2, '0')}s` : `${rest}s`;
}
