import { describe, expect, it } from 'vitest';
import { checkApiKey } from './credentials.js';

describe('checkApiKey', () => {
  it('asks for a key that starts with bh_', () => {
    expect(checkApiKey('  ')).toBe('Paste an API key.');
    expect(checkApiKey('secret')).toBe('An API key starts with bh_.');
    expect(checkApiKey(' bh_4Fz0abc ')).toBeNull();
  });
});
