declare module 'virtual:numeriscope/catalog' {
	import type { Questionnaire } from '$lib/domain/questionnaire';
	const questionnaires: Questionnaire[];
	export default questionnaires;
}
