// `node scripts/bench/profile-summary.mjs FILE.cpuprofile [requests]`: where the time of a CPU profile went — self time by
// package or file, the top functions, and inclusive time per package (per request when the count is given).

import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
for (let i = 0; i < p.samples.length; i++) { const d = dt[i] ?? 0; total += d; self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + d); }
const cat = (url) => {
  if (!url) return '(native/gc/idle)';
  let m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url); if (m) {
    if (m[1] === 'next') { const n = /next\/dist\/(compiled\/[^/]+|[^/]+\/[^/]+)/.exec(url); return 'next:' + (n ? n[1] : ''); }
    return m[1]; }
  m = /\.next\/server\/(.*)/.exec(url); if (m) return '.next/server chunk';
  if (url.startsWith('node:')) return url.split('/')[0];
  return url.replace(/^file:\/\/\/work\/[^/]+\//, '');
};
const byCat = new Map(); const byFn = new Map();
for (const [id, t] of self) { const n = byId.get(id); const c = cat(n.callFrame.url); const name = n.callFrame.functionName || '(anon)';
  byCat.set(c, (byCat.get(c) ?? 0) + t);
  const k = `${name} ${c}:${n.callFrame.lineNumber}`; byFn.set(k, (byFn.get(k) ?? 0) + t); }
const idle = [...self].filter(([id]) => ['(idle)','(program)'].includes(byId.get(id).callFrame.functionName)).reduce((s, [, t]) => s + t, 0);
console.log(`total ${(total/1000).toFixed(0)} ms, busy ${((total-idle)/1000).toFixed(0)} ms`);
const n = Number(process.argv[3] ?? 1);
for (const [c, t] of [...byCat].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(t/1000).toFixed(0).padStart(7)} ms ${(t/1000/n).toFixed(3).padStart(7)} ms/req  ${c}`);
console.log('--- top functions');
for (const [c, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(t/1000).toFixed(0).padStart(7)} ms ${(t/1000/n).toFixed(3).padStart(7)} ms/req  ${c}`);
// inclusive by category (a sample counts once per category on its stack)
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < p.samples.length; i++) { const d = dt[i] ?? 0; const seen = new Set(); let id = p.samples[i];
  const fn0 = byId.get(id).callFrame.functionName; if (['(idle)','(program)'].includes(fn0)) continue;
  while (id !== undefined) { const n = byId.get(id); seen.add(cat(n.callFrame.url)); const f = n.callFrame.functionName; if (/^(registerVersion|actorFromToken|resolveCaller|readJson|toContract|respond|createModelVersion|recordAudit|\$transaction|parse|safeParse|handler)$/.test(f)) seen.add('fn:' + f); id = parent.get(id); }
  for (const c of seen) incl.set(c, (incl.get(c) ?? 0) + d); }
console.log('--- inclusive');
for (const [c, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(t/1000).toFixed(0).padStart(7)} ms ${(t/1000/n).toFixed(3).padStart(7)} ms/req  ${c}`);
