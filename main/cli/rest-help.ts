/** The REST part of `cti --help` (also `cti tds|arc|dnis-free --help`). */
import { REST_SECRET_ENV } from './rest-args';

export const REST_USAGE = `REST services (--timeout MS and --json work here too, anywhere before the method):
  cti tds --base URL --client ID --campaign ID --user U --password P [--echo-args] [--echo-meta]
      start --ani A [--oemkey K] [--agent k=v]... [--routing k=v]... [--reporting k=v]...
      get|edit|stop (--guid G | --dnis D --ani A | --oemkey K) [--agent k=v]... [--property NAME]...
      transfer data: --base is everything before /<client_id>/... (e.g. https://api.liveops.com/louie);
      --agent/--routing/--reporting on edit replace all the session's data
  cti arc --base URL --token T --user-id N [--xml] METHOD [ARGS]
      getcalls | goready | dial PHONE [--lead ID] | hangup CALL | dispose CALL CODE | hold CALL |
      retrieve CALL | stoprecord CALL | startrecord CALL | campaigns | users | resultcodes |
      acdqueues | leadphones LEAD | changelead CALL LEADPHONE | createnewlead CALL PHONE |
      connectcalls CALL1 CALL2 CODE1 CODE2 [--notes1 T] [--notes2 T] [--numsales1 N] [--numsales2 N]
      agent remote control: --base is everything before /webservices/...; JSON is asked for
      (--xml: the service's default XML)
  cti dnis-free --base URL --user U --password P --tenant T --app-key K [--environment E] PHONE
      DNIS release: --base is everything before /dnis/allocate/free/...
  Secrets may come from the environment instead: ${REST_SECRET_ENV.tds} (tds --password),
  ${REST_SECRET_ENV.arc} (arc --token), ${REST_SECRET_ENV['dnis-free']} (dnis-free --password). They are never printed.
  A service's error is exit code 3 with its name on stderr (pool_full, no_session, unknown_zone,
  campaign_not_found, no_reps_logged_on, off_hours, tds_error, arcFailed, dnisNotFound,
  dnisServerError, unauthorized); an unexpected HTTP status (httpStatus) or no reply is 4.
`;
