import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The files a module imports at run time (`import type` is erased), resolved like the app's '@/' alias. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
  return specifiers.map((s) => {
    if (!s.startsWith('.') && !s.startsWith('@/')) return s;
    const base = s.startsWith('@/') ? join(ROOT, s.slice(2)) : resolve(dirname(file), s);
    const found = ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
    if (!found) throw new Error(`cannot resolve ${s} from ${file}`);
    return found;
  });
}

// loading.tsx is a segment of its own: any client component the skeleton reaches is sent again in that
// segment's chunks, on top of the page's own copy (the board's first-load JavaScript, issue 15).
describe('the board skeleton', () => {
  it('reaches no client component and no package but react', () => {
    const seen = new Set<string>();
    const reached: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      reached.push(file);
      for (const next of runtimeImports(file)) {
        if (next.startsWith('/')) walk(next);
        else reached.push(next);
      }
    };
    walk(join(ROOT, 'app/(dashboard)/models/[name]/(board)/loading.tsx'));
    const client = reached.filter((f) => f.startsWith('/') && /^\s*['"]use client['"]/.test(readFileSync(f, 'utf8')));
    const packages = reached.filter((f) => !f.startsWith('/') && f !== 'react');
    expect({ client, packages }).toEqual({ client: [], packages: [] });
    expect(reached.length).toBeGreaterThan(3);
  });
});
