import { error } from '@sveltejs/kit';
import { repository } from '$lib/client/storage/repository';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const diagnostic = await repository().get(params.id);
	if (!diagnostic) error(404, { message: "Ce diagnostic n'existe pas dans ce navigateur." });
	return { diagnostic };
};
