import { error } from '@sveltejs/kit';
import { repository } from '$lib/client/storage/repository';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const diagnostic = await repository().get(params.id);
	if (!diagnostic) error(404, { message: m.answer_error_no_diagnostic() });
	return { diagnostic };
};
