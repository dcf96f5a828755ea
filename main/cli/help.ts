/** The usage text of `cti --help` (kept next to the option table it documents). */
import { FORWARD_TYPES, REQUESTABLE_AGENT_STATES } from '../../common/telservices/enums';
import { placeholderOf, ROUTING_CONFIG_OPTIONS } from './routing-config';

const ROUTING_FLAGS = ROUTING_CONFIG_OPTIONS.map((o) => `    --${o.flag} ${placeholderOf(o)}`.padEnd(44) + o.help).join('\n');

export const USAGE = `cti - TelServices command line

Usage:
  cti --server HOST:PORT [--device N] [--timeout MS] [--http] [--json] COMMAND [ARGS]

Options may stand before or after the command. --server and --device may also come from the
environment variables CTI_SERVER and CTI_DEVICE (the flags win). A password (listen, open-session)
comes from --ask-password (a prompt on the terminal, not echoed), else CTI_PASSWORD; --password P
also works but other users can read it in \`ps\`.

Global options:
  --server HOST:PORT      the TelServer's TelServices gateway ([IPv6]:PORT accepted)
  --device N              the PBX device (phone number) the command is for
  --timeout MS            time allowed for a reply (default 5000)
  --connect-timeout MS    time allowed to connect (default: the smaller of 3000 and --timeout)
  --http                  POST the XML over HTTP instead of a TCP connection
  --eop SEQ               the server's end-of-PDU sequence (TCP replies, UDP events, also with --http); escapes \\n \\r \\t \\0 \\\\ \\xHH
  --json                  print the typed result as JSON (numbers stay the strings they were)
  -h, --help, help        this text
  -V, --version           the version

Calls:
  make-call NUMBER [--extra DATA]           call NUMBER from the device
  answer [--calling NUMBER]                 answer (the call from NUMBER, else the first alerting)
  drop | hold | retrieve [--other NUMBER]   drop / hold / retrieve the call (with NUMBER)
  alternate | reconnect | transfer | conference [--prim NUMBER] [--sec NUMBER]
  consult NUMBER [--other N] [--extra D]    consultation call to NUMBER
  divert NUMBER [--other N] [--extra D]     divert the alerting or connected call to NUMBER
  add-party NUMBER [--other N] [--extra D]  add NUMBER to the call (single step conference)
  qualify [--no-answer] [--no-name]         calling number and name of the alerting call
                                            (the server also answers it unless --no-answer)
Features:
  dnd [on|off]                              query, or set, do not disturb
  forward [TYPE on|off [NUMBER]]            query the forwards, or set one (NUMBER needed for on)
                                            TYPE: ${FORWARD_TYPES.slice(0, 5).join(' ')}
                                                  ${FORWARD_TYPES.slice(5).join(' ')}
  msg-waiting                               query message waiting
  agent-state [STATE]                       query, or set, the agent state
                                            STATE: ${REQUESTABLE_AGENT_STATES.join(' ')}
  snapshot                                  calls, forwards, features and agent of the device
  stats snapshot|total [--user ID]          user statistics of the device

Directory and history:
  history [--type call|agent|all] [--from YYYY-MM-DD] [--hour H] [--to YYYY-MM-DD]
          [--search TEXT] [--limit N] [--user ID]     (--device optional; --hour needs --from)
  search-name NAME [--limit N] [--user ID]  names starting with NAME (--device optional)
  search-number NUMBER [--user ID]          who has NUMBER (--device optional)

Session (it stays open on the server after cti exits, until close-session or its timeout):
  open-session [--udp-port P] [--restricted] [--session-timeout S] [--start-pbx-monitor true|false]
               [--user ID] [--ask-password | --password P]
  close-session [--close-timeout S] [--client-only true|false]
                                            S: actualCloseSessionTimeout; --client-only false
                                            closes the session for all its clients
  update-user-directory NAME [PARTY...] [--user ID]   replace the private directory NAME
                                            PARTY: NUMBER[=NAME[=TYPE[=COMPANY]]], TYPE one of
                                            work home mobile ip (no PARTY: empty it)

Supervisor:
  update-directory NAME                     resynchronise the configured directory NAME
  routing-point state SERVICE
  routing-point stats SERVICE [snapshot|total]        (default snapshot)
  routing-point start SERVICE [--template T] [CONFIG]
  routing-point update SERVICE [CONFIG]
  routing-point stop|suspend|resume SERVICE
  CONFIG flags (sent only when given):
${ROUTING_FLAGS}
Other:
  raw FILE|-                                send the XML in FILE (or stdin) as it is; print the reply
                                            XML (with --json, its decoded form)
  listen [--udp-port P] [--udp-host ADDR] [--event-source HOST,...] [--restricted]
         [--poll [--poll-timeout S] [--http-port N]]
         [--user ID] [--ask-password | --password P] [--session-timeout S]
         open a session for the device and print its events, one per line (one JSON object per
         line with --json); the UDP port is chosen by the OS unless --udp-port, bound on
         --udp-host (default: the local address that routes to the server). Only datagrams from
         the server (and the --event-source hosts of a cluster) are read; others are counted on
         stderr and ignored. --restricted asks for alerting events only; --poll uses
         snapshot long-polls (each held up to --poll-timeout seconds, default 30) instead of UDP;
         a server that answers them at once gets a snapshot every 2 s instead (said on stderr).
         --http-port N sends the polls over HTTP to port N of the server (its HTTP mode, which
         holds them), the other requests still over the main transport.
         With --session-timeout, a snapshot keeps the session alive after half of it without a
         request. Events for another device are dropped (said on stderr). Ctrl-C (SIGINT) or
         SIGTERM closes the session and exits 0 (a failed closeSession is a warning on stderr).
         A session closed by the server (or that a keep-alive or poll finds gone) ends listen
         with exit code 3.

Exit codes:
  0 success   2 usage error   3 the server answered an error (its name on stderr)
  4 network or timeout (timeout, connectionRefused, closedWithoutReply, network, httpStatus,
    malformedReply)   1 internal error

Examples:
  cti --server 10.0.0.5:3000 --device 1101 make-call 0160121314
  CTI_SERVER=10.0.0.5:3000 CTI_DEVICE=1101 cti forward immediate on 1102
  cti history --device 1101 --from 2025-01-31 --limit 20 --server 10.0.0.5:3000
  cti --server 10.0.0.5:3000 --device 1101 --json listen
`;
