import { error } from '@sveltejs/kit';
import { loadQuestionnaire, loadSummaries } from '$lib/client/catalog';
import { repository } from '$lib/client/storage/repository';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
	const diagnostic = await repository().get(params.id);
	if (!diagnostic) error(404, { message: m.answer_error_no_diagnostic() });
	const [questionnaires, summaries] = await Promise.all([
		Promise.all(
			diagnostic.assessment.questionnaires.map((q) => loadQuestionnaire(q.id, q.version, fetch))
		),
		loadSummaries(fetch).catch(() => [])
	]);
	return { diagnostic, questionnaires, summaries };
};
