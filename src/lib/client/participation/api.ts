import type { Contribution } from '../../domain/contribution.ts';
import type { ParticipationToken } from '../../domain/participation.ts';
import { failure, refusal } from './errors.ts';

/** `fetch`, injectable so that state classes can be tested against an in-process server. */
export type Http = (url: string, init?: RequestInit) => Promise<Response>;
export const browserHttp: Http = (url, init) => fetch(url, init);

/** One JSON request; a network failure becomes `offline`, a refusal its code. */
export async function request(
	http: Http,
	method: 'GET' | 'POST' | 'PUT' | 'DELETE',
	url: string,
	body?: unknown,
	secret?: string,
	accept: number[] = []
): Promise<Response> {
	let res: Response;
	try {
		res = await http(url, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(secret ? { authorization: `Bearer ${secret}` } : {})
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		throw failure('offline');
	}
	if (!res.ok && !accept.includes(res.status)) throw await refusal(res);
	return res;
}

/** `POST /api/contributions` with the unblinded token. The invitation is never sent here. */
export async function postContribution(
	http: Http,
	token: ParticipationToken,
	contribution: Contribution
): Promise<void> {
	await request(http, 'POST', '/api/contributions', { token, contribution });
}

/**
 * `PUT /api/contributions` authorised by S: replaces a live contribution or brings back a
 * withdrawn one. `false` when the server does not know it (404): nothing was stored.
 */
export async function putContribution(
	http: Http,
	secret: string,
	contribution: Contribution
): Promise<boolean> {
	return known(await request(http, 'PUT', '/api/contributions', { contribution }, secret, [404]));
}

/** `DELETE /api/contributions` authorised by S. `false` when there was nothing to withdraw (404). */
export async function deleteContribution(http: Http, secret: string): Promise<boolean> {
	return known(await request(http, 'DELETE', '/api/contributions', undefined, secret, [404]));
}

/**
 * False for the 404 `unknown_token` of a contribution the server does not hold; any other 404
 * (no such endpoint, a proxy's page) proves nothing about it and is a refusal.
 */
async function known(res: Response): Promise<boolean> {
	if (res.status !== 404) return true;
	const e = await refusal(res);
	if (e.code === 'unknown_token') return false;
	throw e;
}
