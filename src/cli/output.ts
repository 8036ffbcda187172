/**
 * Where the command line writes. Standard output carries results only: with `--json`, one JSON
 * object a line and nothing else; without it, lines for a person. Standard error carries
 * everything said to the operator on the way (notes, invalid rows, failures, progress), so that
 * `--json` output can be piped as it is.
 */
import type { Logger } from '../transport/log.ts';

/** The command line's two streams. */
export class Output {
  /** Whether results are JSON lines. */
  readonly json: boolean;
  readonly #stdout: NodeJS.WriteStream;
  readonly #stderr: NodeJS.WriteStream;
  #above: ((line: string) => void) | undefined;

  constructor(
    json: boolean,
    stdout: NodeJS.WriteStream = process.stdout,
    stderr: NodeJS.WriteStream = process.stderr,
  ) {
    this.json = json;
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  /** Whether standard error is a terminal, where a progress bar can be drawn. */
  get interactive(): boolean {
    return this.#stderr.isTTY === true;
  }

  /** The stream a progress display draws on. */
  get progressStream(): NodeJS.WriteStream {
    return this.#stderr;
  }

  /** A result as one JSON line (with `--json` only). */
  data(value: object): void {
    if (this.json) {
      this.#stdout.write(`${JSON.stringify(value)}\n`);
    }
  }

  /** A result for a person (without `--json` only). */
  text(line: string): void {
    if (!this.json) {
      this.#stdout.write(`${line}\n`);
    }
  }

  /** A message for the operator, on standard error, above the progress bar if one is drawn. */
  note(line: string): void {
    if (this.#above === undefined) {
      this.#stderr.write(`${line}\n`);
    } else {
      this.#above(line);
    }
  }

  /** While a progress bar is drawn, notes go through `writer` so as not to tear it. */
  drawAbove(writer: ((line: string) => void) | undefined): void {
    this.#above = writer;
  }

  /** The client's log lines, as notes. */
  logger(): Logger {
    const write = (line: string) => this.note(line);
    return { debug: write, info: write, warn: write, error: write };
  }

  /** Resolves once both streams have handed over what was written to them. */
  async flush(): Promise<void> {
    await Promise.all(
      [this.#stdout, this.#stderr].map(
        (stream) => new Promise<void>((done) => stream.write('', () => done())),
      ),
    );
  }
}
