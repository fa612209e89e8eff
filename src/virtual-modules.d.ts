declare module 'virtual:numeriscope/catalog' {
	import type { Questionnaire } from '$lib/domain/questionnaire';
	const questionnaires: Questionnaire[];
	export default questionnaires;
}

declare module 'pdfmake/build/standard-fonts/Helvetica' {
	/** pdfmake's font container for the standard Helvetica font (AFM metrics, no TTF). */
	import type { TFontContainer } from 'pdfmake/build/pdfmake';
	const container: TFontContainer;
	export default container;
}
