import { catalog } from '$lib/catalog';
import { summarize } from '$lib/domain/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	questionnaires: catalog.list().map(summarize)
});
