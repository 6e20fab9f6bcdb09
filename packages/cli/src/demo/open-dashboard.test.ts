import { describe, expect, it } from 'vitest';
import { shouldOpenBrowser } from './open-dashboard.js';

describe('shouldOpenBrowser', () => {
  const base = { noOpen: false, isTTY: true, platform: 'linux' as const, env: { DISPLAY: ':0' } };
  it('opens from a terminal with a display', () => {
    expect(shouldOpenBrowser(base)).toBe(true);
    expect(shouldOpenBrowser({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
    expect(shouldOpenBrowser({ ...base, platform: 'darwin', env: {} })).toBe(true);
    expect(shouldOpenBrowser({ ...base, platform: 'win32', env: {} })).toBe(true);
  });
  it('does not with --no-open, without a terminal, or on Linux without a display', () => {
    expect(shouldOpenBrowser({ ...base, noOpen: true })).toBe(false);
    expect(shouldOpenBrowser({ ...base, isTTY: false })).toBe(false);
    expect(shouldOpenBrowser({ ...base, env: {} })).toBe(false);
    expect(shouldOpenBrowser({ ...base, env: { DISPLAY: '' } })).toBe(false);
  });
});
