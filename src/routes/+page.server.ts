import { catalog } from '$lib/server/catalog/bundle';
import { summarize } from '$lib/domain/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	questionnaires: catalog.list().map(summarize)
});
