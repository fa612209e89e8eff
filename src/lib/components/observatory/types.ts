import type { Statistic } from '$lib/domain/benchmark';

/** One row of a chart and its table: a group, its label in the page's language, its figures. */
export interface Row {
	key: string;
	label: string;
	/** `fr` when the label is French on an English page (a missing translation). */
	lang?: 'fr' | undefined;
	/** Null when the group is not published. */
	stat: Statistic | null;
}
