import { json } from '@sveltejs/kit';
import { benchmarks } from '$lib/server/benchmarks/runtime';
import { readJson } from '$lib/server/http/body';
import { endpoint, methodNotAllowed } from '$lib/server/http/errors';
import { admitWrite } from '$lib/server/http/writes';
import type { RequestHandler } from './$types';

/** What an invitation gives (see `participationSchema`): its campaign, cohort and keys. */
export const POST: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	const body = await benchmarks().participation.participation(await readJson(event.request));
	return json(body, { headers: { 'cache-control': 'no-store' } });
});

export const fallback: RequestHandler = methodNotAllowed(['POST']);
