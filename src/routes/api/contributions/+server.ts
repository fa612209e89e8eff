import { benchmarks } from '$lib/server/benchmarks/runtime';
import { bearerToken } from '$lib/server/http/auth';
import { readJson } from '$lib/server/http/body';
import { endpoint, methodNotAllowed } from '$lib/server/http/errors';
import { admitWrite } from '$lib/server/http/writes';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'no-store' };

/**
 * Stores a contribution authorised by a participation token (see `contributeRequestSchema`):
 * 201 `{}`, as the browser keeps the secret that replaces or withdraws it.
 */
export const POST: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	await benchmarks().participation.contribute(await readJson(event.request));
	return new Response('{}', {
		status: 201,
		headers: { ...noStore, 'content-type': 'application/json' }
	});
});

/** Replaces the contribution of `Authorization: Bearer <S>` (also after a withdrawal). */
export const PUT: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	const secret = bearerToken(event.request);
	await benchmarks().participation.replace(secret, await readJson(event.request));
	return new Response(null, { status: 204, headers: noStore });
});

/** Withdraws the contribution of `Authorization: Bearer <S>`; its token stays spent. */
export const DELETE: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	await benchmarks().participation.withdraw(bearerToken(event.request));
	return new Response(null, { status: 204, headers: noStore });
});

export const fallback: RequestHandler = methodNotAllowed(['POST', 'PUT', 'DELETE']);
