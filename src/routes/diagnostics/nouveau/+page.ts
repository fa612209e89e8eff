import { latestVersions, loadSummaries } from '$lib/client/catalog';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({
	questionnaires: latestVersions(await loadSummaries(fetch))
});
