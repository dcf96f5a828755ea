// Pure half of the electronegativity step (build/electronegativity.mjs): read its CSV report and
// hold every HIGH/MEDIUM finding against the reviewed allowlist (build/electronegativity-allowlist.json).

/** Splits one CSV line (electronegativity quotes fields with "", doubling inner quotes). */
export function splitCsvLine(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** The findings of a report: { check, severity, confidence, file, location, sample }. */
export function parseReport(csv) {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const [check = '', severity = '', confidence = '', file = '', location = '', sample = ''] = splitCsvLine(line);
    return { check, severity: severity.toUpperCase(), confidence, file: file.replace(/\\/g, '/'), location, sample };
  });
}

/**
 * Findings that fail the step: HIGH or MEDIUM with no allowlist entry for the same check and file
 * (and, when the entry names one, a sample containing `match`). Allowlist entries that match
 * nothing any more are reported too: the list must shrink when a finding is fixed.
 */
export function compareWithAllowlist(findings, allowlist) {
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const used = new Set();
  const unexplained = [];
  for (const f of serious) {
    const index = allowlist.findIndex((a) => a.check === f.check && a.file === f.file && (a.match === undefined || f.sample.includes(a.match)));
    if (index === -1) unexplained.push(f);
    else used.add(index);
  }
  const stale = allowlist.filter((_, i) => !used.has(i));
  const missingReason = allowlist.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 10);
  return { serious, unexplained, stale, missingReason };
}
