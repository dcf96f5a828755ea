/**
 * A minimal page served when the built renderer (out/renderer) is missing, so that web mode works
 * on a fresh clone without a build: it connects to the WebSocket, shows the line's connection,
 * calls (with names), popups and the event log, and can answer/drop. The full UI is the renderer.
 * Script and style are separate files: the CSP forbids anything inline.
 */
export const FALLBACK_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TelServices CTI (minimal web page)</title>
<link rel="stylesheet" href="/fallback.css">
<link rel="icon" href="data:,">
</head>
<body>
<h1>TelServices CTI <small>minimal page: run <code>npm run build</code> for the full UI</small></h1>
<p id="conn">connecting to the core…</p>
<div id="popups"></div>
<h2>Calls</h2>
<ul id="calls"></ul>
<p><button id="answer">Answer</button> <button id="drop">Drop</button> <span id="result"></span></p>
<h2>Events</h2>
<ol id="log" reversed></ol>
<script type="module" src="/fallback.js"></script>
</body>
</html>
`;

export const FALLBACK_CSS = `body{font:14px system-ui,sans-serif;margin:1.5em;max-width:60em}
small{font-weight:normal;color:#666;font-size:.55em}
#popups div{border:2px solid #c60;background:#fff4e6;padding:.6em;margin:.4em 0;border-radius:6px}
#log{font:12px ui-monospace,monospace;color:#333;max-height:20em;overflow:auto}
`;

export const FALLBACK_JS = `const token = new URLSearchParams(location.search).get('token') ?? '';
const $ = (id) => document.getElementById(id);
let line = null, seq = -1, nextId = 1, ws = null;
const pending = new Map();
function who(p) { return p ? (p.name ? p.name + ' <' + p.number + '>' : p.number || '(unknown)') + (p.company ? ', ' + p.company : '') : ''; }
function render() {
  if (!line) return;
  const c = line.connection;
  $('conn').textContent = 'Line ' + line.deviceNumber + ': ' + c.state + ' (events by ' + c.eventMode + ')' + (c.lastError ? ' - ' + c.lastError.message : '') +
    ' | DND ' + (line.doNotDisturb ? 'on' : 'off') + ' | missed ' + line.missedCalls;
  $('calls').replaceChildren(...line.calls.flatMap((call) => [call.primary, call.secondary].filter(Boolean).map((leg) => {
    const li = document.createElement('li');
    const secs = leg.connectedAt ? Math.round((Date.now() - leg.connectedAt) / 1000) + ' s' : '';
    li.textContent = leg.state + ' ' + (leg.isOutgoing ? 'to ' : 'from ') + who(leg.otherParty) + ' ' + secs + (call.correlatorData ? ' [' + call.correlatorData + ']' : '');
    return li;
  })));
  $('popups').replaceChildren(...line.popups.map((id) => {
    const call = line.calls.find((c) => c.id === id); const leg = call && (call.primary || call.secondary);
    const d = document.createElement('div'); d.textContent = 'Incoming call: ' + who(leg && leg.otherParty) + (leg && leg.dialledNumber ? ' (dialled ' + leg.dialledNumber + ')' : ''); return d;
  }));
}
function log(text) { const li = document.createElement('li'); li.textContent = new Date().toLocaleTimeString() + ' ' + text; $('log').prepend(li); while ($('log').children.length > 50) $('log').lastChild.remove(); }
function call(command, args) { return new Promise((resolve) => { const id = nextId++; pending.set(id, resolve); ws.send(JSON.stringify({ id, command, args })); }); }
function connect() {
  ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?token=' + encodeURIComponent(token));
  ws.onmessage = (m) => {
    const f = JSON.parse(m.data);
    if (f.kind === 'result') { const r = pending.get(f.id); pending.delete(f.id); if (r) r(f.result); return; }
    if (f.event === 'state') { line = f.payload.lines[0]; seq = f.payload.seq; log('state (seq ' + seq + ')'); }
    else if (f.event === 'patch') { if (f.payload.seq <= seq) return; seq = f.payload.seq; for (const p of f.payload.patches) { if (p.key === 'call') { const i = line.calls.findIndex((c) => c.id === p.id); if (p.value === undefined) { if (i >= 0) line.calls.splice(i, 1); } else if (i >= 0) line.calls[i] = p.value; else line.calls.push(p.value); } else if (p.value === undefined) delete line[p.key]; else line[p.key] = p.value; } log('patch ' + f.payload.patches.map((p) => p.key).join(', ')); }
    else if (f.event === 'incomingCall') log('INCOMING CALL from ' + who(f.payload.leg.otherParty));
    else if (f.event === 'error') log('error: ' + f.payload.error.code + ' ' + f.payload.error.message);
    render();
  };
  ws.onclose = () => { $('conn').textContent = 'disconnected from the core, retrying…'; for (const r of pending.values()) r({ ok: false, error: { code: 'network', message: 'closed' } }); pending.clear(); setTimeout(connect, 1000); };
}
const show = (r) => { $('result').textContent = r.ok ? 'ok' : r.error.code + ': ' + r.error.message; };
$('answer').onclick = () => call('answer', {}).then(show);
$('drop').onclick = () => call('drop', {}).then(show);
setInterval(render, 1000);
connect();
`;
