import { describe, expect, it } from 'vitest';
import { inlineCodeParts } from './inline-code-parts';

describe('inlineCodeParts', () => {
  it('turns `backticked` spans into code parts and keeps the text around them', () => {
    expect(inlineCodeParts('Use `stage=production` or `alias`.')).toEqual([
      { code: false, text: 'Use ' },
      { code: true, text: 'stage=production' },
      { code: false, text: ' or ' },
      { code: true, text: 'alias' },
      { code: false, text: '.' },
    ]);
  });

  it('leaves text without a closed pair as it is, and never interprets markup', () => {
    expect(inlineCodeParts('no code here')).toEqual([{ code: false, text: 'no code here' }]);
    expect(inlineCodeParts('a lone ` tick')).toEqual([{ code: false, text: 'a lone ` tick' }]);
    expect(inlineCodeParts('`<img src=x onerror=alert(1)>`')).toEqual([{ code: true, text: '<img src=x onerror=alert(1)>' }]);
    expect(inlineCodeParts('')).toEqual([]);
  });
});
