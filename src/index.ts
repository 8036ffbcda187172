export { createAccountsClient } from './client.ts';
export type { AccountsClient, AccountsClientOptions } from './client.ts';
export { servers } from './servers.ts';
export { authMiddleware } from './auth/middleware.ts';
export { jwtBearerAuth, JWT_BEARER_GRANT, tokenUrls } from './auth/jwt-bearer.ts';
export type { JwtBearerAuth, JwtBearerAuthOptions } from './auth/jwt-bearer.ts';
export type { PrivateKeyInput } from './auth/private-key.ts';
export type { TlsOptions } from './transport/tls.ts';
export type { AuthOption, TokenProvider } from './auth/middleware.ts';
export { correlationMiddleware } from './correlation/middleware.ts';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './transport/transport.ts';
export type { RetryOptions } from './transport/transport.ts';
export type { Logger, LogLevel } from './transport/log.ts';
export type {
  AccountPath,
  AccountState,
  CallOptions,
  DeleteAccountInput,
  OperationResult,
  ReasonCode,
  RegisterAccountInput,
} from './types.ts';
export { D1Error } from './errors/D1Error.ts';
export {
  D1ApiError,
  D1BadRequestError,
  D1ForbiddenError,
  D1NotFoundError,
  D1RateLimitError,
  D1ServerError,
  D1UnauthorizedError,
} from './errors/D1ApiError.ts';
export { D1AbortError } from './errors/D1AbortError.ts';
export { D1AuthError } from './errors/D1AuthError.ts';
export { D1ConfigurationError } from './errors/D1ConfigurationError.ts';
export { D1NetworkError } from './errors/D1NetworkError.ts';
export { D1TimeoutError } from './errors/D1TimeoutError.ts';
export { D1ValidationError } from './errors/D1ValidationError.ts';
export type { ValidationRule, Violation } from './errors/D1ValidationError.ts';
