import { json } from '@sveltejs/kit';
import { benchmarks } from '$lib/server/benchmarks/runtime';
import { endpoint, methodNotAllowed } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/** Every campaign, latest first, with its editions (see `campaignsResponseSchema`). */
export const GET: RequestHandler = endpoint(async () =>
	json(await benchmarks().participation.campaigns(), {
		headers: { 'cache-control': 'public, max-age=60' }
	})
);

export const fallback: RequestHandler = methodNotAllowed(['GET', 'HEAD']);
