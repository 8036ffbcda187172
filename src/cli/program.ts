/**
 * The commands and flags of `d1-accounts`, parsed with commander, and the exit status each
 * outcome ends with. Every command has `--help`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

import { packageRoot } from '../internal/package-root.ts';
import type { AccountState, ReasonCode } from '../types.ts';
import { runBulk, type BulkFlags } from './bulk.ts';
import type { ConnectionFlags } from './connect.ts';
import { EXIT, ExitError, type ExitStatus } from './exit-status.ts';
import { DEFAULT_MOCK_PORT, runMock } from './mock-command.ts';
import { Output } from './output.ts';
import { runSingle } from './single.ts';

const ENVIRONMENT_HELP = `
Target:
  --env staging|production, or --base-url URL (D1_ENV, D1_BASE_URL when neither is given).

Credentials (a flag wins over its variable; nothing secret is ever printed):
  D1_TOKEN, or --token-file PATH (D1_TOKEN_FILE)     a bearer token
  D1_ISSUER_ID, D1_KEY_ID, and --private-key-file PATH (D1_PRIVATE_KEY_FILE)
                                                     the JWT bearer token flow, with the token
                                                     endpoint of --env or D1_TOKEN_URL
  --tls-cert PATH (D1_TLS_CERT_FILE), --tls-key PATH (D1_TLS_KEY_FILE),
  --tls-ca PATH (D1_TLS_CA_FILE), D1_TLS_PASSPHRASE  mutual TLS, for both

Exit status:
  0    every item succeeded (a delete of an account already gone counts)
  1    some items failed, were invalid, or conflicted with another row
  2    bad usage or an input that cannot be read: nothing was sent
  3    configuration, credentials or authentication failed
  130  interrupted by Ctrl-C (143 for SIGTERM); a bulk run can be resumed
`;

const BULK_HELP = `
FILE is CSV with a header row, NDJSON (one JSON object a line), or - for standard input.
Columns are named as the client's inputs:
  register: issuerId, accountId, consumerId, state, accountProductId (optional)
  delete:   issuerId, accountId, reason (optional), reasonCode (optional)

Every row is checked first: invalid, malformed and duplicate rows are reported with their
line number and are not sent. The journal (FILE.journal.ndjson unless --journal) records each
row's start and outcome; --resume continues from it, sends again only the rows that were in
flight, and never a row that has an outcome.
`;

/** Runs the command line on `argv` (as `process.argv`); resolves with the exit status. */
export async function main(argv: readonly string[]): Promise<ExitStatus> {
  let status: ExitStatus = EXIT.ok;
  const program = buildProgram((next) => {
    status = next;
  });
  try {
    await program.parseAsync([...argv]);
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed the message, or the help or version that was asked for
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ExitError) {
      process.stderr.write(`d1-accounts: ${error.message}\n`);
      return error.status;
    }
    process.stderr.write(
      `d1-accounts: unexpected failure, please report it: ${(error as Error)?.stack ?? error}\n`,
    );
    return EXIT.someFailed;
  }
}

function buildProgram(setStatus: (status: ExitStatus) => void): Command {
  const program = new Command('d1-accounts')
    .description(
      'Register and delete accounts with the deprecated account operations of the Thales D1 ' +
        'banking API v1: one at a time, or thousands from a file with a journal to resume from.',
    )
    .version(packageVersion(), '--version', 'print the version')
    .helpOption('-h, --help', 'show the help of a command')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .addHelpText('after', ENVIRONMENT_HELP);

  // register
  withConnectionOptions(
    program
      .command('register')
      .description('register one account for an end user (PUT .../accounts/{accountId})')
      .requiredOption('--issuer <id>', 'the issuer id (10 characters)')
      .requiredOption('--account <id>', 'the account id')
      .requiredOption('--consumer <id>', 'the end user (consumer) id')
      .requiredOption('--state <state>', 'the account state: ACTIVE or INACTIVE')
      .option('--product <id>', 'the account product id (reserved for future use)')
      .option('--correlation-id <id>', 'the x-correlation-id to send (default: a random one)'),
  ).action(async (flags: SingleFlags & { consumer: string; state: string; product?: string }) => {
    const output = new Output(flags.json === true);
    setStatus(
      await runSingle(
        {
          operation: 'registerAccount',
          input: {
            issuerId: flags.issuer,
            accountId: flags.account,
            consumerId: flags.consumer,
            state: flags.state as AccountState,
            ...(flags.product === undefined ? {} : { accountProductId: flags.product }),
          },
        },
        callOptions(flags),
        flags,
        output,
      ),
    );
    await output.flush();
  });

  // delete
  withConnectionOptions(
    program
      .command('delete')
      .description('delete one account (POST .../accounts/{accountId}/operations:delete)')
      .requiredOption('--issuer <id>', 'the issuer id (10 characters)')
      .requiredOption('--account <id>', 'the account id')
      .option('--reason <text>', 'why: letters, digits and spaces, at most 64')
      .option(
        '--reason-code <code>',
        'USER_DECISION or ISSUER_DECISION (the provider records ISSUER_DECISION without one)',
      )
      .option('--correlation-id <id>', 'the x-correlation-id to send (default: a random one)'),
  ).action(async (flags: SingleFlags & { reason?: string; reasonCode?: string }) => {
    const output = new Output(flags.json === true);
    setStatus(
      await runSingle(
        {
          operation: 'deleteAccount',
          input: {
            issuerId: flags.issuer,
            accountId: flags.account,
            ...(flags.reason === undefined ? {} : { reason: flags.reason }),
            ...(flags.reasonCode === undefined
              ? {}
              : { reasonCode: flags.reasonCode as ReasonCode }),
          },
        },
        callOptions(flags),
        flags,
        output,
      ),
    );
    await output.flush();
  });

  // bulk register, bulk delete
  const bulk = program
    .command('bulk')
    .description('register or delete the accounts of a CSV or NDJSON file, resumably')
    .addHelpText('after', BULK_HELP);
  for (const name of ['register', 'delete'] as const) {
    withBulkOptions(
      withConnectionOptions(
        bulk
          .command(name)
          .description(
            name === 'register'
              ? 'register the accounts of FILE, one row each'
              : 'delete the accounts of FILE, one row each',
          )
          .argument('<file>', 'CSV or NDJSON input, or - for standard input')
          .addHelpText('after', BULK_HELP),
      ),
    ).action(async (file: string, flags: BulkFlags & { json?: boolean }) => {
      const output = new Output(flags.json === true);
      setStatus(await runBulk(name, file, flags, output));
      await output.flush();
    });
  }

  // mock
  program
    .command('mock')
    .description('serve a Prism mock of the bundled accounts spec on loopback, until Ctrl-C')
    .option('--port <n>', `the port (default ${DEFAULT_MOCK_PORT})`, port, DEFAULT_MOCK_PORT)
    .option('--json', 'print the mock URL as a JSON object')
    .action(async (flags: { port: number; json?: boolean }) => {
      const output = new Output(flags.json === true);
      setStatus(await runMock(flags.port, output));
      await output.flush();
    });

  return program;
}

/** The flags of `register` and `delete` that both have. */
interface SingleFlags extends ConnectionFlags {
  issuer: string;
  account: string;
  correlationId?: string;
  json?: boolean;
}

function callOptions(flags: SingleFlags) {
  return flags.correlationId === undefined ? {} : { correlationId: flags.correlationId };
}

function withConnectionOptions(command: Command): Command {
  return command
    .option('--env <name>', 'the target: staging or production')
    .option('--base-url <url>', 'the target: any base URL, such as a mock')
    .option('--token-file <path>', 'a file holding the bearer token')
    .option('--private-key-file <path>', 'the P-256 key (PKCS#8 PEM) of the token flow')
    .option('--tls-cert <path>', 'the client certificate (PEM) for mutual TLS')
    .option('--tls-key <path>', 'its private key (PEM)')
    .option('--tls-ca <path>', 'certificate authorities to trust instead of the defaults (PEM)')
    .option('--timeout-ms <ms>', 'how long one attempt waits for its answer (default 30000)', count)
    .option(
      '--max-retries <n>',
      'retries of 429, 502, 503, 504 and lost connections (default 2)',
      zeroOrMore,
    )
    .addOption(
      new Option('--log-level <level>', 'write the client log lines to standard error').choices([
        'debug',
        'info',
        'warn',
        'error',
      ]),
    )
    .option('--json', 'write the results as JSON lines on standard output')
    .addHelpText('after', ENVIRONMENT_HELP);
}

function withBulkOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--format <format>',
        'the input format (default: from the file name, or guessed)',
      ).choices(['csv', 'ndjson']),
    )
    .option('--journal <path>', 'the journal (default: FILE.journal.ndjson)')
    .option('--resume', 'continue the run of the journal: finished rows are not sent again')
    .option('--retry-failed', 'with --resume: send again the rows that failed')
    .option('--dry-run', 'check every row and report, send nothing, write no journal')
    .option('--concurrency <n>', 'rows in progress at once', count, 8)
    .option('--rate <r>', 'at most R requests a second', rate)
    .option('--report <path>', "every row's outcome into a CSV file, or JSON for a .json path")
    .option('--progress-every <seconds>', 'seconds between progress lines off a terminal', rate, 5);
}

/** A whole number, 1 or more. */
function count(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError('must be a whole number, 1 or more');
  }
  return number;
}

/** A whole number, 0 or more. */
function zeroOrMore(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new InvalidArgumentError('must be a whole number, 0 or more');
  }
  return number;
}

/** A positive number. */
function rate(value: string): number {
  const number = Number(value);
  if (!(number > 0 && Number.isFinite(number))) {
    throw new InvalidArgumentError('must be a positive number');
  }
  return number;
}

function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65_535) {
    throw new InvalidArgumentError('must be a port number, 1 to 65535');
  }
  return number;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
