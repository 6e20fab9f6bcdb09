/**
 * The dashboard: the built single-page application served at `/`. Paths of the app's own (client-side routes such as
 * /models/churn) answer index.html to a browser; the API, docs, metrics and health paths never do.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC } from '../auth/index.js';

/** Where the server's own answers live: a browser's unknown path there is a 404, not the dashboard. */
const SERVER_PATHS = ['/api', '/docs', '/openapi.json', '/metrics', '/healthz', '/readyz'];

/** Vite names every built asset by its content hash: it never changes, so browsers may keep it for a year. */
const HASHED_ASSETS = 'assets/';
const LONG_CACHE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

/** `/` when the dashboard is not built: what to do about it. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bothub</title></head>
<body>
<h1>Bothub</h1>
<p>The dashboard is not built. Build it with <code>npm run build -w @bothub/dashboard</code> and restart the service.</p>
<p>The API answers under <a href="/api/v1/fleet">/api/v1</a>; its reference is at <a href="/docs">/docs</a>.</p>
</body>
</html>
`;

function isServerPath(path: string): boolean {
  return SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built dashboard in `dashboard.root` (a directory with index.html), or, when it is absent or not built, a
 * page at `/` that says how to build it.
 *
 * @example
 * await app.register(dashboardRoutes({ root: '/srv/bothub/dashboard/dist' }));
 */
export function dashboardRoutes(dashboard?: { readonly root: string }): FastifyPluginAsync {
  return async (app) => {
    const root = dashboard === undefined ? null : resolve(dashboard.root);
    if (root === null || !existsSync(join(root, 'index.html'))) {
      app.get('/', { schema: { hide: true }, config: { permission: PUBLIC } }, (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', NO_CACHE).send(NOT_BUILT_PAGE));
      return;
    }
    // Only reply.sendFile: the routes below choose the file and its caching.
    await app.register(fastifyStatic, { root, serve: false, cacheControl: false, dotfiles: 'deny' });

    const sendIndex = (reply: FastifyReply): FastifyReply => reply.header('cache-control', NO_CACHE).sendFile('index.html');

    /** The file a path names inside the root, or null (no such file, a directory, or outside the root). */
    function fileOf(path: string): string | null {
      let relative: string;
      try {
        relative = decodeURIComponent(path).replace(/^\/+/, '');
      } catch {
        return null;
      }
      const file = resolve(root!, relative);
      if (!file.startsWith(root! + sep)) return null;
      try {
        return statSync(file).isFile() ? relative.split(sep).join('/') : null;
      } catch {
        return null;
      }
    }

    app.get('/', { schema: { hide: true }, config: { permission: PUBLIC } }, (_request, reply) => sendIndex(reply));
    app.get('/*', { schema: { hide: true }, config: { permission: PUBLIC } }, (request, reply) => {
      const path = request.url.split('?')[0]!;
      const file = isServerPath(path) ? null : fileOf(path);
      if (file !== null) return reply.header('cache-control', file.startsWith(HASHED_ASSETS) ? LONG_CACHE : NO_CACHE).sendFile(file);
      // A client-side route of the application, opened or reloaded in a browser.
      if (!isServerPath(path) && acceptsHtml(request)) return sendIndex(reply);
      reply.callNotFound();
      return reply;
    });
  };
}
