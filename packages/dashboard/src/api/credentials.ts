/**
 * The API key the dashboard signs in with: kept for the browser tab only (sessionStorage), sent as a Bearer token, and
 * asked for again whenever the service answers 401.
 */
const STORAGE_KEY = 'bothub.apiKey';
/** Dispatched on window when the service answers 401: the app then shows the sign-in form. */
export const UNAUTHORIZED_EVENT = 'bothub:unauthorized';

/** The saved key, or null. */
export function readApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveApiKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
}

export function clearApiKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * What the sign-in form says of a typed key before sending it: null when it looks like a key.
 *
 * @example
 * checkApiKey('secret'); // 'An API key starts with bh_.'
 */
export function checkApiKey(key: string): string | null {
  const trimmed = key.trim();
  if (trimmed === '') return 'Paste an API key.';
  if (!trimmed.startsWith('bh_')) return 'An API key starts with bh_.';
  return null;
}

/**
 * fetch with the saved key as a Bearer token; a 401 answer announces itself with UNAUTHORIZED_EVENT.
 *
 * @example
 * createBothubClient({ baseUrl: '', fetch: authorizedFetch });
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  const key = readApiKey();
  if (key !== null) request.headers.set('authorization', `Bearer ${key}`);
  const response = await fetch(request);
  if (response.status === 401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  return response;
}
