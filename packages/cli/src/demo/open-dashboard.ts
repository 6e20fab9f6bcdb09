import open from 'open';

export interface BrowserContext {
  /** --no-open was given. */
  readonly noOpen: boolean;
  /** Standard output is a terminal: someone is watching (not a test, not a pipe, not CI logs). */
  readonly isTTY: boolean;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether `bothub demo` should open the dashboard in a browser: someone at a terminal, with a display (an X11 or
 * Wayland session on Linux and the other Unixes; always on macOS and Windows), who did not say --no-open.
 * @example shouldOpenBrowser({ noOpen: false, isTTY: true, platform: 'linux', env: {} }); // false: no display
 */
export function shouldOpenBrowser(context: BrowserContext): boolean {
  if (context.noOpen || !context.isTTY) return false;
  if (context.platform === 'darwin' || context.platform === 'win32') return true;
  return Boolean(context.env.DISPLAY || context.env.WAYLAND_DISPLAY);
}

/**
 * Opens `url` in the default browser; never throws (the address is printed anyway). Resolves whether it started one.
 * @example await openDashboard('http://127.0.0.1:8080/');
 */
export async function openDashboard(url: string): Promise<boolean> {
  try {
    const child = await open(url);
    // A browser that fails to start reports it on the child process; without a listener that would crash the demo.
    child.once('error', () => undefined);
    return true;
  } catch {
    return false;
  }
}
