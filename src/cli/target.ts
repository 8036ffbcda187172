/**
 * Where the command line sends its calls: `--env staging|production`, or `--base-url URL` for
 * a mock or a proxy; `D1_ENV` and `D1_BASE_URL` when neither flag is given.
 */
import { servers } from '../servers.ts';
import { usageError } from './exit-status.ts';

/** The environments of the spec's `servers`. */
export type Environment = keyof typeof servers;

/** The flags that choose the target. */
export interface TargetFlags {
  env?: string;
  baseUrl?: string;
}

/** The chosen target. */
export interface Target {
  /** The API's base URL. */
  baseUrl: string;
  /** The environment, when the target is one of the spec's servers. */
  environment: Environment | undefined;
  /** How to name the target to the operator: `staging (https://…)` or the URL. */
  label: string;
}

/** The target from the flags, else from the environment variables; a usage error otherwise. */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv = process.env): Target {
  const fromFlags = flags.env !== undefined || flags.baseUrl !== undefined;
  const name = fromFlags ? flags.env : env.D1_ENV || undefined;
  const baseUrl = fromFlags ? flags.baseUrl : env.D1_BASE_URL || undefined;

  if (name !== undefined && baseUrl !== undefined) {
    throw usageError('give either --env or --base-url, not both');
  }
  if (name !== undefined) {
    if (!Object.hasOwn(servers, name)) {
      throw usageError(
        `--env must be one of ${Object.keys(servers).join(', ')} (got ${JSON.stringify(name)})`,
      );
    }
    const environment = name as Environment;
    return {
      baseUrl: servers[environment],
      environment,
      label: `${name} (${servers[environment]})`,
    };
  }
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw usageError(`--base-url is not an absolute URL: ${baseUrl}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw usageError(`--base-url must be http or https, not ${url.protocol}`);
    }
    // a base URL given with a trailing slash would make every path start with two
    const trimmed = baseUrl.replace(/\/+$/, '');
    return { baseUrl: trimmed, environment: undefined, label: trimmed };
  }
  throw usageError(
    'no target: give --env staging|production or --base-url URL (or set D1_ENV or D1_BASE_URL)',
  );
}
