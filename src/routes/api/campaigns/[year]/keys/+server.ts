import { json } from '@sveltejs/kit';
import { campaignYearSchema, cohortKeysQuerySchema } from '$lib/domain/participation';
import { formatPath } from '$lib/domain/problem';
import { benchmarks } from '$lib/server/benchmarks/runtime';
import { ApiError, endpoint, methodNotAllowed } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/** The public keys of one cohort of a campaign (see `cohortKeysSchema`). */
export const GET: RequestHandler = endpoint(async ({ params, url }) => {
	const year = campaignYearSchema.safeParse(
		/^\d{1,4}$/.test(params.year) ? Number(params.year) : NaN
	);
	if (!year.success)
		throw new ApiError(400, 'invalid_query', `campaign: ${year.error.issues[0]!.message}`);
	const query: Record<string, string> = {};
	for (const [k, v] of url.searchParams) {
		if (Object.hasOwn(query, k)) throw new ApiError(400, 'invalid_query', `${k}: given twice`);
		query[k] = v;
	}
	const cohort = cohortKeysQuerySchema.safeParse(query);
	if (!cohort.success) {
		const i = cohort.error.issues[0]!;
		const at = i.path.length ? formatPath(i.path) : 'query';
		throw new ApiError(
			400,
			'invalid_query',
			`${at}: ${i.code === 'unrecognized_keys' ? `unknown parameter(s) ${i.keys.join(', ')}` : i.message} (type, band and region are required)`
		);
	}
	return json(await benchmarks().participation.cohortKeys(year.data, cohort.data), {
		headers: { 'cache-control': 'public, max-age=300' }
	});
});

export const fallback: RequestHandler = methodNotAllowed(['GET', 'HEAD']);
