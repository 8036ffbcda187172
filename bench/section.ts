/** What every benchmark section is, so that a new one is one more module in bench/run.ts. */

/** What the runner gives a section. */
export interface BenchContext {
  /** A short run (`--quick`): fewer rounds and calls, for a check rather than for numbers. */
  quick: boolean;
  /** Whether one of the section's own {@link Section.flags} was given. */
  flag(name: string): boolean;
  /**
   * The base URL of the local 204 server, started on the first call: sections that send no
   * request never start it.
   */
  serverUrl(): Promise<string>;
}

/** A command-line flag of one section, such as `--memory-reference`. */
export interface SectionFlag {
  /** The flag without its dashes. */
  name: string;
  /** What it does, for `--help`. */
  description: string;
}

/** One line of the final summary: a number that matters, and the target it is judged by. */
export interface KeyFigure {
  label: string;
  value: string;
  /** The target as text, such as `≤ 1.10×`. */
  target?: string;
  /** Whether this run's number is within the target; a noisy machine can tip it either way. */
  withinTarget?: boolean;
}

/** A benchmark section: it prints its own tables as it goes and returns its key figures. */
export interface Section {
  /** The name `--only` selects it by. */
  name: string;
  /** Flags of its own that the runner accepts and passes on. */
  flags?: readonly SectionFlag[];
  run(context: BenchContext): Promise<KeyFigure[]>;
}
