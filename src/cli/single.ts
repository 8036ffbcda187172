/**
 * `register` and `delete`: one call, its outcome on standard output (a line, or one JSON object
 * with `--json`), and an exit status that says how it went.
 */
import { D1ValidationError } from '../errors/D1ValidationError.ts';
import type { OperationId } from '../internal/operations.ts';
import { validateDeleteAccount, validateRegisterAccount } from '../internal/validate-input.ts';
import type { CallOptions, DeleteAccountInput, RegisterAccountInput } from '../types.ts';
import { connect, type ConnectionFlags } from './connect.ts';
import { EXIT, type ExitStatus, exitStatusOf } from './exit-status.ts';
import { failed, succeeded } from './outcome.ts';
import type { Output } from './output.ts';
import { describeViolations } from './rows.ts';

/** The call to make. */
export type SingleCall =
  | { operation: 'registerAccount'; input: RegisterAccountInput }
  | { operation: 'deleteAccount'; input: DeleteAccountInput };

/** Makes one call; resolves with the exit status. */
export async function runSingle(
  call: SingleCall,
  options: Pick<CallOptions, 'correlationId'>,
  flags: ConnectionFlags,
  output: Output,
): Promise<ExitStatus> {
  const { operation, input } = call;
  const account = { issuerId: input.issuerId, accountId: input.accountId };

  // an invalid input is refused before credentials are even looked at
  const violations =
    operation === 'registerAccount' ? validateRegisterAccount(input) : validateDeleteAccount(input);
  if (violations.length > 0) {
    return invalid(output, operation, account, new D1ValidationError(operation, violations));
  }

  const connection = connect(flags, { concurrency: 1 }, output.logger());
  output.note(
    `note: ${operation} is deprecated by the provider: check with the Thales integration team ` +
      'before using it',
  );
  output.note(
    `${operation} on ${connection.target.label} with ${connection.credentials.description}`,
  );
  try {
    const result =
      operation === 'registerAccount'
        ? await connection.client.registerAccount(input, options)
        : await connection.client.deleteAccount(input, options);
    const outcome = succeeded(result);
    output.data({ operation, ...account, ...outcome });
    output.text(
      `${operation} ${input.issuerId}/${input.accountId}: ${outcome.status} ` +
        `(correlation id ${outcome.correlationId}${attemptsNote(outcome.attempts)})`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof D1ValidationError) {
      return invalid(output, operation, account, error);
    }
    const correlationId = (error as { correlationId?: string }).correlationId ?? '';
    const outcome = failed(error, operation, correlationId, false);
    output.data({ operation, ...account, ...outcome });
    if (outcome.outcome === 'alreadyDeleted') {
      output.text(
        `${operation} ${input.issuerId}/${input.accountId}: already deleted ` +
          `(404 after an attempt whose outcome is unknown; correlation id ${correlationId})`,
      );
      return EXIT.ok;
    }
    output.note(`d1-accounts: ${outcome.reason}`);
    return exitStatusOf(error);
  } finally {
    await connection.close();
  }
}

function invalid(
  output: Output,
  operation: OperationId,
  account: object,
  error: D1ValidationError,
): ExitStatus {
  // the violations without the values: they are the caller's, and may be personal data
  const { violations } = error.toJSON() as { violations: unknown[] };
  output.data({ operation, ...account, outcome: 'invalid', violations });
  const described = describeViolations(error.violations);
  output.note(`d1-accounts: ${operation}: invalid input, nothing was sent: ${described}`);
  return EXIT.usage;
}

function attemptsNote(attempts: number): string {
  return attempts > 1 ? `, ${attempts} attempts` : '';
}
