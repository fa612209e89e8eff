import { catalog } from '$lib/server/catalog/bundle';
import { getLocale } from '$lib/paraglide/runtime';
import { buildOverview } from '$lib/server/observatory/overview';
import { observatory } from '$lib/server/observatory/runtime';
import type { PageServerLoad } from './$types';

/** The latest edition of a campaign at a glance; the selector is the address's parameters. */
export const load: PageServerLoad = async ({ url }) => {
	const locale = getLocale();
	const overview = await observatory().view(`overview ${locale} ${url.search}`, (editions) =>
		buildOverview(editions, catalog, url.searchParams, locale)
	);
	return { overview: overview ?? null };
};
