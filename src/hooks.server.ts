import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog/bundle';
import { startBenchmarks } from '$lib/server/benchmarks/runtime';
import { configOrExit } from '$lib/server/config';
import { errorResponse } from '$lib/server/http/errors';
import { withSecurityHeaders } from '$lib/server/http/headers';
import { internalError } from '$lib/server/http/internal-error';
import { rememberedLanguage } from '$lib/server/http/language';
import { pageKey } from '$lib/server/observatory/page-cache';
import { observatoryPages } from '$lib/server/observatory/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';

/** Opens the benchmark store before the first request; a bad setting stops the server. */
export const init: ServerInit = async () => {
	if (building) return; // prerendering needs no store
	const config = configOrExit();
	try {
		await startBenchmarks(catalog, config);
	} catch (e) {
		const where = config.DATABASE_URL ? 'DATABASE_URL' : `SQLITE_PATH=${config.SQLITE_PATH}`;
		console.error(
			`numeriscope: cannot open the benchmark store (${where}): ${(e as Error).message}`
		);
		process.exit(1);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	// An unknown API path answers JSON like the rest of the API, not the HTML error page.
	if (event.route.id === null && event.url.pathname.startsWith('/api/'))
		return withSecurityHeaders(errorResponse(404, 'not_found', 'no such API endpoint'));
	if (event.url.pathname.startsWith('/api/')) return withSecurityHeaders(await resolve(event));
	const remembered = rememberedLanguage(event.request, event.url);
	if (remembered) return withSecurityHeaders(remembered);
	// Pages: the language of the address (see vite.config.ts) for the messages and `<html lang>`.
	const render = () =>
		paraglideMiddleware(
			event.request,
			({ request, locale }) => {
				event.request = request;
				return resolve(event, {
					transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
				});
			},
			{ onRedirect: sameOriginRedirect }
		);
	// The observatory's pages change only with an edition: rendered once per address and language.
	if (event.route.id?.startsWith('/observatoire')) {
		const key = pageKey(event.url.pathname, event.url.search);
		return withSecurityHeaders(await observatoryPages().answer(event.request, key, render));
	}
	return withSecurityHeaders(await render());
};

/**
 * A redirect of the catalog's middleware (e.g. `/en/` → `/en`) carries a path only: the absolute address the catalog computes takes adapter-node's default scheme
 * (https) when ORIGIN is unset, which a plain-http server cannot answer.
 */
function sameOriginRedirect(response: Response): void {
	const location = response.headers.get('location');
	if (!location) return;
	const url = new URL(location, 'http://localhost');
	response.headers.set('location', url.pathname + url.search);
}

/** Unexpected errors: logged with an id to quote, answered with a generic message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status < 500) return { message };
	return internalError(error, event.request.method, event.route.id);
};
