import { m } from '../paraglide/messages.js';

/**
 * Why a diagnostic's page answers 404: the diagnostic is not in this browser, or the
 * questionnaire is not part of it. The pages' `load` imports this module with the 404 only.
 */
export function notFoundText(what: 'diagnostic' | 'questionnaire'): string {
	return what === 'diagnostic' ? m.answer_error_no_diagnostic() : m.answer_error_not_pinned();
}
