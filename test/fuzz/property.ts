/**
 * The differential property of the client's input validation against Prism, both derived from
 * `openapi/d1-accounts.yaml`: for every generated case, the client accepts the input exactly
 * when Prism, sent the same request with the client's validation off, answers 204 without an
 * `sl-violations` header. Shared by `test/fuzz/differential.test.ts` (`npm test`) and
 * `scripts/fuzz.ts` (`npm run fuzz`).
 *
 * How a case is judged:
 *
 * 1. The client's verdict: the real client method with validation on, over a `fetch` that
 *    answers 204 itself and records what was sent. The client must either throw a
 *    `D1ValidationError` having sent nothing (refused), or send exactly one request (accepted).
 * 2. Prism's verdict: a second client with `validate: false` sends the same input to Prism.
 *    Accepted means status 204 and no `sl-violations` header.
 * 3. The verdicts must be equal, and when both refused and Prism listed what failed, the client
 *    and Prism must name the same fields. When both accepted, the request the validating client
 *    would have sent must be the very request Prism accepted.
 *
 * Two kinds of correlation id are handled in the open rather than hidden, and counted: one that
 * HTTP cannot carry as it is (a known, intended refusal of the client), and an empty one, which
 * Prism reads differently from the spec. See {@link judgeCase}.
 */
import fc from 'fast-check';

import {
  createAccountsClient,
  D1ValidationError,
  type AccountsClient,
  type DeleteAccountInput,
  type RegisterAccountInput,
  type Violation,
} from '../../src/index.ts';
import { MOCK_TOKEN } from '../support/fixtures.ts';
import { recordingFetch } from '../support/recording-fetch.ts';
import { type AccountCase, caseOf, type OperationId } from './arbitraries.ts';

const CORRELATION_HEADER = 'x-correlation-id';

/** A request as it left the client: what both sides must agree on when both accept. */
interface SentRequest {
  method: string;
  url: string;
  correlationId: string | null;
  body: string | undefined;
}

/** The client's verdict on a case. */
type ClientVerdict =
  { accepted: true; request: SentRequest } | { accepted: false; violations: readonly Violation[] };

/** One entry of Prism's `sl-violations` header. */
interface PrismViolation {
  location: string[];
  code: string;
  message: string;
}

/**
 * What became of the case's correlation id on the way to Prism: none was given (the client
 * sent a random one); it arrived as given; it arrived as given but empty, which Prism takes for
 * no header; HTTP changed it (white space at an end stripped); or no header can carry it (a line
 * break inside, or a character above U+00FF), in which case the request went without one.
 */
type CorrelationTransit = 'none given' | 'unchanged' | 'empty' | 'changed' | 'unsendable';

/** Prism's verdict on a case. */
interface PrismVerdict {
  status: number;
  /** The parsed `sl-violations` header, `null` when Prism sent none. */
  violations: PrismViolation[] | null;
  correlation: CorrelationTransit;
  request: SentRequest;
}

/** Counts over the cases of a run, for the report and for checking that both verdicts occur. */
export interface DifferentialStats {
  cases: number;
  clientAccepted: number;
  clientRefused: number;
  /** Cases whose correlation id HTTP would change: refused by the client, on purpose. */
  correlationChanged: number;
  /** Cases whose correlation id no header can carry: refused by the client. */
  correlationUnsendable: number;
  /** Cases with an empty correlation id, which Prism takes for none: refused by the client. */
  correlationEmpty: number;
  /** Refused cases where the client's and Prism's named fields were compared. */
  fieldsCompared: number;
  /** Prism's answer statuses, by status. */
  prismStatuses: Record<number, number>;
}

/** Empty stats, to be filled by {@link judgeCase}. */
export function emptyStats(): DifferentialStats {
  return {
    cases: 0,
    clientAccepted: 0,
    clientRefused: 0,
    correlationChanged: 0,
    correlationUnsendable: 0,
    correlationEmpty: 0,
    fieldsCompared: 0,
    prismStatuses: {},
  };
}

/** The client and Prism disagree on a case; the message says how. */
export class Disagreement extends Error {
  override name = 'Disagreement';
}

/** Calls the case's operation on `accounts`, with the case's correlation id when `withId`. */
function callOperation(
  accounts: AccountsClient,
  testCase: AccountCase,
  withId: boolean,
): Promise<unknown> {
  const options =
    withId && testCase.correlationId !== undefined ? { correlationId: testCase.correlationId } : {};
  return testCase.operation === 'registerAccount'
    ? accounts.registerAccount(testCase.input as unknown as RegisterAccountInput, options)
    : accounts.deleteAccount(testCase.input as unknown as DeleteAccountInput, options);
}

async function sentRequest(request: Request): Promise<SentRequest> {
  return {
    method: request.method,
    url: request.url,
    correlationId: request.headers.get(CORRELATION_HEADER),
    body: request.body === null ? undefined : await request.clone().text(),
  };
}

/** The client's verdict: validation on, and a `fetch` that answers 204 without any network. */
async function clientVerdict(testCase: AccountCase, baseUrl: string): Promise<ClientVerdict> {
  const sent: SentRequest[] = [];
  const accounts = createAccountsClient({
    baseUrl,
    auth: MOCK_TOKEN,
    fetch: async (input, init) => {
      sent.push(await sentRequest(new Request(input, init)));
      return new Response(null, { status: 204 });
    },
  });

  let failure: unknown;
  try {
    await callOperation(accounts, testCase, true);
  } catch (error) {
    failure = error ?? new Error(`threw ${String(error)}`);
  }

  if (failure instanceof D1ValidationError) {
    if (sent.length > 0) {
      throw new Disagreement('the client threw D1ValidationError but sent a request anyway');
    }
    return { accepted: false, violations: failure.violations };
  }
  if (failure !== undefined) {
    throw new Disagreement(`the client neither refused the input nor sent it: ${failure}`);
  }
  if (sent.length !== 1) {
    throw new Disagreement(`the client accepted the input but sent ${sent.length} requests`);
  }
  return { accepted: true, request: sent[0]! };
}

/**
 * Prism's verdict on the same request, sent by a client with `validate: false`.
 *
 * The correlation id is not passed as the call's option here: the client's correlation
 * middleware checks it even with validation off, so an invalid id would never reach Prism. The
 * client sends its own random id instead, and the `fetch` under it puts the case's id in its
 * place, through `Headers` exactly as HTTP carries it: trimmed at the ends, or refused with a
 * TypeError when it cannot be carried at all (then the request goes without the header).
 */
async function prismVerdict(testCase: AccountCase, baseUrl: string): Promise<PrismVerdict> {
  const recorder = recordingFetch();
  let correlation: CorrelationTransit = 'none given';
  const fetch: typeof globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    const given = testCase.correlationId;
    if (given !== undefined) {
      try {
        headers.set(CORRELATION_HEADER, given);
        if (headers.get(CORRELATION_HEADER) !== given) {
          correlation = 'changed';
        } else {
          correlation = given === '' ? 'empty' : 'unchanged';
        }
      } catch (error) {
        if (!(error instanceof TypeError)) {
          throw error;
        }
        correlation = 'unsendable';
        headers.delete(CORRELATION_HEADER);
      }
    }
    return recorder.fetch(request, { headers });
  };
  const accounts = createAccountsClient({ baseUrl, auth: MOCK_TOKEN, fetch, validate: false });

  // the verdict is read from the exchange; the client's own error says nothing more
  const outcome = await callOperation(accounts, testCase, false).then(
    () => undefined,
    (error: unknown) => error,
  );
  const exchange = recorder.exchanges.at(-1);
  if (exchange === undefined) {
    throw new Error(`the request never reached Prism at ${baseUrl}: ${String(outcome)}`);
  }
  const header = exchange.response.headers.get('sl-violations');
  return {
    status: exchange.response.status,
    violations: header === null ? null : (JSON.parse(header) as PrismViolation[]),
    correlation,
    request: {
      method: exchange.method,
      url: exchange.url,
      correlationId: exchange.headers.get(CORRELATION_HEADER),
      body: exchange.body,
    },
  };
}

/** The transits after which Prism has not judged the caller's id, with their stats counter. */
const ID_NOT_JUDGED_BY_PRISM = {
  'none given': undefined,
  unchanged: undefined,
  empty: 'correlationEmpty',
  changed: 'correlationChanged',
  unsendable: 'correlationUnsendable',
} as const satisfies Record<CorrelationTransit, keyof DifferentialStats | undefined>;

/**
 * The field a client violation names, in a form Prism's can be compared with: `path.issuerid`
 * (Prism writes path parameter names in lower case), `header.x-correlation-id`, `body.state`.
 */
function clientFieldKey(violation: Violation): string {
  if (violation.field === 'issuerId' || violation.field === 'accountId') {
    return `path.${violation.field.toLowerCase()}`;
  }
  if (violation.field === 'correlationId') {
    return `header.${CORRELATION_HEADER}`;
  }
  return violation.field;
}

/**
 * The field a Prism violation names. Prism reports a missing or an unknown property on the
 * object that holds it, and names the property only in the message.
 */
function prismFieldKey(violation: PrismViolation): string {
  const [, where = '', ...rest] = violation.location;
  const segments = [where, ...rest];
  const named = /required property '(.*)'$|found '(.*)'$/.exec(violation.message);
  if (
    named !== null &&
    (violation.code === 'required' || violation.code === 'additionalProperties')
  ) {
    segments.push(named[1] ?? named[2] ?? '');
  }
  const key = segments.join('.');
  return where === 'path' || where === 'header' ? key.toLowerCase() : key;
}

function sorted(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}

function describeRequest(verdict: PrismVerdict): string {
  const header = verdict.violations === null ? 'none' : JSON.stringify(verdict.violations);
  return `Prism answered ${verdict.status} with sl-violations ${header} to ${JSON.stringify(
    verdict.request,
  )}`;
}

/**
 * Judges one case: resolves when the client and Prism agree, throws a {@link Disagreement}
 * saying how they differ otherwise, and counts the case into `stats`.
 *
 * Two kinds of correlation id are judged apart, because Prism never judges the id the caller
 * gave; both are counted in the stats:
 *
 * - Known, intended difference of HTTP: it strips spaces and tabs (and, in `fetch`, line
 *   breaks) at the ends of a header value, and cannot carry a line break inside one or a
 *   character above U+00FF at all. The client refuses such ids on purpose: by the spec's pattern
 *   when the character is a tab, a line break or not Latin-1, and by its own rule
 *   (`src/correlation/middleware.ts`) for a space at an end, which the pattern allows, rather
 *   than send an id that would arrive changed.
 * - Prism reads the spec differently for an empty id: its parameter validation drops every
 *   parameter whose value is `''` (lodash `pickBy` with its default predicate, in
 *   `@stoplight/prism-http` `validator/validators/params.js`), so `x-correlation-id:` with an
 *   empty value counts as no header, and no header is valid. Per JSON Schema the header is there
 *   and `""` breaks `minLength: 1`: the client's refusal is the spec's verdict, and the spec is
 *   not bent to match the mock.
 *
 * For these cases the property requires the client to refuse, naming the correlation id, and
 * compares the rest of the request only: the client's other violations against Prism's.
 */
export async function judgeCase(
  testCase: AccountCase,
  baseUrl: string,
  stats: DifferentialStats,
): Promise<void> {
  const client = await clientVerdict(testCase, baseUrl);
  const prism = await prismVerdict(testCase, baseUrl);
  stats.cases++;
  stats[client.accepted ? 'clientAccepted' : 'clientRefused']++;
  stats.prismStatuses[prism.status] = (stats.prismStatuses[prism.status] ?? 0) + 1;

  // the counter of a correlation id Prism did not judge as given, undefined for any other case
  const idCounter = ID_NOT_JUDGED_BY_PRISM[prism.correlation];
  const idLost = idCounter !== undefined;
  const headerKey = `header.${CORRELATION_HEADER}`;
  const clientKeys = client.accepted ? [] : sorted(client.violations.map(clientFieldKey));
  const prismKeys = prism.violations === null ? [] : sorted(prism.violations.map(prismFieldKey));

  if (idCounter !== undefined) {
    stats[idCounter]++;
    if (client.accepted || !clientKeys.includes(headerKey)) {
      throw new Disagreement(
        `the correlation id ${JSON.stringify(testCase.correlationId)} is ${prism.correlation} ` +
          'on the way to Prism, yet the client did not refuse it',
      );
    }
  }

  // with a lost id, only the rest of the request can be compared
  const clientRest = idLost ? clientKeys.filter((key) => key !== headerKey) : clientKeys;
  const prismRest = idLost ? prismKeys.filter((key) => key !== headerKey) : prismKeys;
  const clientAccepts = idLost ? clientRest.length === 0 : client.accepted;
  const prismAccepts =
    prism.violations === null ? prism.status === 204 : idLost && prismRest.length === 0;

  if (clientAccepts !== prismAccepts) {
    const clientSays = client.accepted
      ? 'the client accepted the input'
      : `the client refused it (${JSON.stringify(client.violations)})`;
    throw new Disagreement(`${clientSays} but ${describeRequest(prism)}`);
  }

  if (client.accepted) {
    // the validating client would have sent exactly what Prism accepted
    const mine = client.request;
    const theirs = prism.request;
    const sameId =
      testCase.correlationId === undefined || mine.correlationId === theirs.correlationId;
    if (
      mine.method !== theirs.method ||
      mine.url !== theirs.url ||
      mine.body !== theirs.body ||
      !sameId
    ) {
      throw new Disagreement(
        `the validating client sent ${JSON.stringify(mine)}, Prism got ${JSON.stringify(theirs)}`,
      );
    }
    return;
  }

  // Prism lists what failed only when it matched the route; a 404 or 405 lists nothing
  if (prism.violations !== null && !prismAccepts) {
    stats.fieldsCompared++;
    if (clientRest.join() !== prismRest.join()) {
      throw new Disagreement(
        `both refused, but the client named ${JSON.stringify(clientRest)} and Prism ` +
          `${JSON.stringify(prismRest)}: ${describeRequest(prism)}`,
      );
    }
  }
}

/** Options of {@link runDifferential}. */
export interface DifferentialOptions {
  /** Base URL of a Prism mock of the accounts spec. */
  prismUrl: string;
  operation: OperationId;
  /** Cases to run in all, over every lane. */
  runs: number;
  /** The seed of lane 0; lane `i` uses `seed + i`. */
  seed: number;
  /** fast-check's replay path of a counterexample; only with `lanes: 1`. */
  path?: string;
  /**
   * Independent runs in parallel, each a `fc.check` with a seed of its own (default 4): Prism
   * answers one request at a time slowly, several at once much faster.
   */
  lanes?: number;
}

/** A lane that found a disagreement, with what it takes to replay it. */
export interface LaneFailure {
  operation: OperationId;
  seed: number;
  runs: number;
  /** fast-check's path to the shrunk counterexample. */
  path: string;
  /** The shrunk counterexample, as fast-check prints it. */
  counterexample: string;
  /** What went wrong with it. */
  error: string;
  /** fast-check's own report. */
  report: string;
}

/** What {@link runDifferential} found. */
export interface DifferentialReport {
  operation: OperationId;
  seed: number;
  stats: DifferentialStats;
  failures: LaneFailure[];
  elapsedMs: number;
}

/** The seed of lane `lane` when lane 0's is `seed`: a 32-bit integer, as fast-check wants. */
export function laneSeed(seed: number, lane: number): number {
  return (seed + lane) | 0;
}

/**
 * Runs the differential property for one operation, `runs` cases in all, and reports the stats
 * and every lane's shrunk counterexample. Stats count the generated cases only, not the
 * shrinking steps after a failure.
 */
export async function runDifferential(options: DifferentialOptions): Promise<DifferentialReport> {
  const lanes = options.path === undefined ? Math.max(1, options.lanes ?? 4) : 1;
  const stats = emptyStats();
  const shrinking = emptyStats();
  const started = performance.now();

  const results = await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const seed = laneSeed(options.seed, lane);
      const runs = Math.floor(options.runs / lanes) + (lane < options.runs % lanes ? 1 : 0);
      let failed = false;
      const property = fc.asyncProperty(caseOf(options.operation), async (testCase) => {
        try {
          await judgeCase(testCase, options.prismUrl, failed ? shrinking : stats);
        } catch (error) {
          failed = true;
          throw error;
        }
      });
      const details = await fc.check(property, {
        numRuns: runs,
        seed,
        ...(options.path === undefined ? {} : { path: options.path }),
      });
      return { details, seed, runs };
    }),
  );

  const failures: LaneFailure[] = [];
  for (const { details, seed, runs } of results) {
    if (details.failed) {
      failures.push({
        operation: options.operation,
        seed,
        runs,
        path: details.counterexamplePath ?? '',
        counterexample:
          details.counterexample === null ? 'none' : fc.stringify(details.counterexample[0]),
        error: details.errorInstance instanceof Error ? details.errorInstance.message : 'unknown',
        report: fc.defaultReportMessage(details) ?? '',
      });
    }
  }
  return {
    operation: options.operation,
    seed: options.seed,
    stats,
    failures,
    elapsedMs: performance.now() - started,
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** One paragraph about a run: cases, both verdicts' shares, transit cases, Prism's statuses. */
export function formatStats(report: DifferentialReport): string {
  const { stats } = report;
  const statuses = Object.entries(stats.prismStatuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  return (
    `${report.operation}: ${stats.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s ` +
    `(seed ${report.seed}); client accepted ${stats.clientAccepted} ` +
    `(${percent(stats.clientAccepted, stats.cases)}), refused ${stats.clientRefused} ` +
    `(${percent(stats.clientRefused, stats.cases)}); correlation id changed by HTTP ` +
    `${stats.correlationChanged}, unsendable ${stats.correlationUnsendable}, empty ` +
    `${stats.correlationEmpty}; named fields ` +
    `compared ${stats.fieldsCompared}; Prism statuses ${statuses}`
  );
}

/**
 * How to replay a lane's failure: the shrunk counterexample, the seed and path for
 * `fc.check`/`fc.assert`, and the command that runs just that case again.
 */
export function formatFailure(failure: LaneFailure): string {
  const operation = failure.operation === 'registerAccount' ? 'register' : 'delete';
  return [
    `${failure.operation}: the client and Prism disagree`,
    `  ${failure.error}`,
    `  shrunk counterexample: ${failure.counterexample}`,
    `  seed: ${failure.seed}, path: ${JSON.stringify(failure.path)}, runs: ${failure.runs}`,
    `  replay: npm run fuzz -- --operation ${operation} --seed ${failure.seed} ` +
      `--path '${failure.path}' --runs ${failure.runs}`,
    `  or: fc.assert(property, { seed: ${failure.seed}, path: ${JSON.stringify(failure.path)} })`,
  ].join('\n');
}
