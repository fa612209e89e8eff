import { m } from '$lib/paraglide/messages';
import type { Locale } from '../domain/localize.ts';
import { dateText } from './format.ts';
import { locale as pageLocale } from './locale.ts';

/**
 * « État du droit au 30 novembre 2026 » / "Law as it stood on 30 November 2026": the date a
 * questionnaire's legal content was checked (`lawAsOf`, from version 2); null for a version 1
 * questionnaire, which does not say.
 */
export function lawAsOfText(
	q: { lawAsOf?: string | undefined },
	locale: Locale = pageLocale()
): string | null {
	if (!q.lawAsOf) return null;
	const date = dateText(new Date(`${q.lawAsOf}T00:00:00Z`), locale);
	return m.report_law_as_of({ date }, { locale });
}
