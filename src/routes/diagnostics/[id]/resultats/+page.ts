import { error } from '@sveltejs/kit';
import { loadQuestionnaire } from '$lib/client/catalog';
import { repository } from '$lib/client/storage/repository';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
	const repo = repository();
	const diagnostic = await repo.get(params.id);
	if (!diagnostic) error(404, { message: m.results_not_found() });
	const [questionnaires, others] = await Promise.all([
		Promise.all(
			diagnostic.assessment.questionnaires.map((q) => loadQuestionnaire(q.id, q.version, fetch))
		),
		repo.list()
	]);
	return { diagnostic, questionnaires, others };
};
