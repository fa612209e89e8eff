import { error } from '@sveltejs/kit';
import { loadQuestionnaire } from '$lib/client/catalog';
import { fetchPeers } from '$lib/client/state/results.svelte';
import { repository } from '$lib/client/storage/repository';
import { prepareFormats } from '$lib/messages/format';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
	// The locale data of the number and date formats, loaded while the data below is read.
	setTimeout(prepareFormats);
	const repo = repository();
	const diagnostic = await repo.get(params.id);
	if (!diagnostic) error(404, { message: m.results_not_found() });
	const questionnaires = Promise.all(
		diagnostic.assessment.questionnaires.map((q) => loadQuestionnaire(q.id, q.version, fetch))
	);
	// The peer figures with the rest: the page then renders once, with them.
	const [loaded, others, peers] = await Promise.all([
		questionnaires,
		repo.list(),
		questionnaires.then((qs) => fetchPeers(qs, diagnostic.profile, fetch))
	]);
	return { diagnostic, questionnaires: loaded, others, peers };
};
