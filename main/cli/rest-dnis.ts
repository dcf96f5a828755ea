/** `cti dnis-free --base URL --user U --password P --tenant T --app-key K [--environment E] PHONE` */
import { usageError } from './exit-codes';
import { baseUrl, required, secret, timeoutMs, type RestArgs, type RestEnv } from './rest-args';
import type { RestJob } from './rest-output';
import { nonEmpty } from './validate';

export function buildDnisFree(args: RestArgs, env: RestEnv): RestJob {
  const [phone, ...extra] = args.positionals;
  if (phone === undefined) throw usageError('dnis-free needs the PHONE to free');
  if (extra.length > 0) throw usageError(`unexpected argument '${extra[0]}'`);
  const number = nonEmpty(phone, 'PHONE');
  const environment = args.values.get('environment');
  const options = {
    baseUrl: baseUrl(args),
    user: required(args, 'user'),
    password: secret(args, 'password', env),
    tenantId: required(args, 'tenant'),
    applicationKey: required(args, 'app-key'),
    ...(environment !== undefined ? { environmentName: nonEmpty(environment, '--environment') } : {}),
  };
  const timeout = timeoutMs(args);
  return async () => {
    const { DnisReleaseClient } = await import('../rest/dnis-free');
    const result = await new DnisReleaseClient(options).free(number, timeout !== undefined ? { timeoutMs: timeout } : {});
    return { result, text: `freed ${result.phone}` };
  };
}
