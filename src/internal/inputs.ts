/**
 * How a caller's flat input becomes the spec's parts: the path parameters that name the
 * account, and the body, which is everything else. One split, used by the client to send and
 * by the checks that run without sending, so that what is checked is what would be sent.
 */

/** An operation's input as the spec has it. */
export interface OperationParts<Body> {
  path: { issuerId: string; accountId: string };
  body: Body;
}

/** A registration's parts: the body is the account. */
export function registerAccountParts<T extends { issuerId: string; accountId: string }>(
  input: T,
): OperationParts<Omit<T, 'issuerId' | 'accountId'>> {
  const { issuerId, accountId, ...body } = input;
  return { path: { issuerId, accountId }, body };
}

/** A deletion's parts: with neither reason field there is nothing to say, and no body. */
export function deleteAccountParts<T extends { issuerId: string; accountId: string }>(
  input: T,
): OperationParts<Omit<T, 'issuerId' | 'accountId'> | undefined> {
  const { issuerId, accountId, ...reason } = input;
  return {
    path: { issuerId, accountId },
    body: Object.keys(reason).length > 0 ? reason : undefined,
  };
}
