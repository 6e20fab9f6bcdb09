import { describe, expect, it } from 'vitest';
import { notificationUrl } from './notification-url.js';

describe('notificationUrl', () => {
  it('joins the public URL and the path with one slash, keeping a path prefix', () => {
    expect(notificationUrl('http://127.0.0.1:8080', '/models/credit')).toBe('http://127.0.0.1:8080/models/credit');
    expect(notificationUrl('https://example.com/bothub/', '/models/credit/windows/7')).toBe('https://example.com/bothub/models/credit/windows/7');
    expect(notificationUrl('https://example.com', 'models/a')).toBe('https://example.com/models/a');
  });
});
