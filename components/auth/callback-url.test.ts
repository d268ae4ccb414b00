import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-url';

const HOST = 'modelgate.example.com';

describe('safeCallbackPath', () => {
  it('keeps paths on this site, normalised', () => {
    expect(safeCallbackPath('/models/fraud?x=1#v3', HOST)).toBe('/models/fraud?x=1#v3');
    expect(safeCallbackPath(`https://${HOST}/approvals`, HOST)).toBe('/approvals');
    expect(safeCallbackPath(undefined, HOST)).toBe('/models');
  });

  // Each of these is `//evil.com` (another origin) to a browser's URL parser.
  it.each(['//evil.com', '/\\evil.com', '/\t/evil.com', '/\n/evil.com', '\t//evil.com', '/\\/evil.com', 'https://evil.com/models', 'javascript:alert(1)', `https://${HOST}.evil.com/`, `//${HOST}@evil.com/`])(
    'refuses %j',
    (raw) => {
      expect(safeCallbackPath(raw, HOST)).toBe('/models');
    },
  );
});
