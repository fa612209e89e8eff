import { json } from '@sveltejs/kit';
import type { TerritorySearchResponse } from '$lib/domain/territory';
import { searchTerritories } from '$lib/server/territories/search';
import type { RequestHandler } from './$types';

/** `GET /api/territories?q=nancy`: official territories matching a name or a code. */
export const GET: RequestHandler = ({ url }) => {
	const q = url.searchParams.get('q') ?? '';
	if (q.length > 100)
		return json({ code: 'query_too_long', message: 'q: 100 characters at most' }, { status: 400 });
	const body: TerritorySearchResponse = { query: q, results: searchTerritories(q) };
	return json(body, { headers: { 'cache-control': 'public, max-age=86400' } });
};
