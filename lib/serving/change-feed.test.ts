import { describe, expect, it } from 'vitest';
import { parseChange } from './change-feed';

describe('change notifications', () => {
  it('reads the payloads the triggers send, and treats anything else as "drop everything"', () => {
    expect(parseChange('model:cm123')).toEqual({ kind: 'model', modelId: 'cm123' });
    expect(parseChange('auth')).toEqual({ kind: 'auth' });
    expect(parseChange('all')).toEqual({ kind: 'all' });
    expect(parseChange('model:')).toEqual({ kind: 'all' });
    expect(parseChange('something new')).toEqual({ kind: 'all' });
    expect(parseChange(undefined)).toEqual({ kind: 'all' });
  });
});
