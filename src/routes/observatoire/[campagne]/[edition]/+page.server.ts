import { error } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog/bundle';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { editionView } from '$lib/server/observatory/edition-view';
import { editionParams } from '$lib/server/observatory/params';
import { observatory } from '$lib/server/observatory/runtime';
import type { PageServerLoad } from './$types';

/** One edition: its methodology and what changed since the previous edition of its campaign. */
export const load: PageServerLoad = async ({ params }) => {
	const ids = editionParams(params);
	const service = observatory();
	const edition = ids && (await service.edition(ids[0], ids[1]));
	if (!ids || !edition) error(404, m.observatory_edition_not_found());
	const previous = ids[1] > 1 ? await service.edition(ids[0], ids[1] - 1) : undefined;
	return { edition: editionView(edition, previous, catalog, getLocale()) };
};
