import { json } from '@sveltejs/kit';
import { benchmarks } from '$lib/server/benchmarks/runtime';
import { bearerToken } from '$lib/server/http/auth';
import { readJson } from '$lib/server/http/body';
import { ApiError, endpoint, methodNotAllowed } from '$lib/server/http/errors';
import { admitWrite } from '$lib/server/http/writes';
import type { RequestHandler } from './$types';

const unknownToken = () =>
	new ApiError(404, 'unknown_token', 'no contribution has this withdrawal token');

/** Stores a contribution (see `contributionSchema`); 201 with its withdrawal token, shown once. */
export const POST: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	const token = await benchmarks().service.contribute(await readJson(event.request));
	return json({ token }, { status: 201, headers: { 'cache-control': 'no-store' } });
});

/** Replaces the contribution of `Authorization: Bearer <token>`. */
export const PUT: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	const token = bearerToken(event.request);
	const body = await readJson(event.request);
	if (!(await benchmarks().service.replace(token, body))) throw unknownToken();
	return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});

/** Withdraws the contribution of `Authorization: Bearer <token>`. */
export const DELETE: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	if (!(await benchmarks().service.withdraw(bearerToken(event.request)))) throw unknownToken();
	return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});

export const fallback: RequestHandler = methodNotAllowed(['POST', 'PUT', 'DELETE']);
