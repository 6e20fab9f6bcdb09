/**
 * The absolute address of a dashboard path for a notification: the service's public URL (which may carry a path
 * prefix behind a proxy, e.g. https://example.com/bothub) followed by the path.
 *
 * @example
 * notificationUrl('https://example.com/bothub/', '/models/credit/windows/7'); // 'https://example.com/bothub/models/credit/windows/7'
 */
export function notificationUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
