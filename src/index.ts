export { createAccountsClient } from './client.ts';
export type { AccountsClient, AccountsClientOptions } from './client.ts';
export { servers } from './servers.ts';
export { authMiddleware } from './middleware/auth.ts';
export type { AuthOption, TokenProvider } from './middleware/auth.ts';
export { correlationMiddleware } from './middleware/correlation.ts';
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
export { D1ApiError } from './errors/D1ApiError.ts';
export { D1AuthError } from './errors/D1AuthError.ts';
export { D1ConfigurationError } from './errors/D1ConfigurationError.ts';
export { D1ValidationError } from './errors/D1ValidationError.ts';
export type { ValidationRule, Violation } from './errors/D1ValidationError.ts';
