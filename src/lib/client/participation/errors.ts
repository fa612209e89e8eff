import { m } from '../../paraglide/messages.js';

/**
 * Why a participation request failed, as a stable code and a sentence for the officer in the
 * page's language, from the message catalog. The server's own English `message` is never shown:
 * only its `code` is read.
 */
export class ParticipationError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status?: number
	) {
		super(message);
		this.name = 'ParticipationError';
	}
}

/** The officer's text for each stable error code of the API (and of the browser's own failures). */
const messages: Record<string, () => string> = {
	invalid_invitation: m.api_error_invalid_invitation,
	unknown_invitation: m.api_error_unknown_invitation,
	campaign_closed: m.api_error_campaign_closed,
	token_already_issued: m.api_error_token_already_issued,
	token_spent: m.api_error_token_spent,
	key_mismatch: m.api_error_key_mismatch,
	questionnaire_not_collected: m.api_error_questionnaire_not_collected,
	invalid_blinded_message: m.api_error_invalid_blinded_message,
	token_required: m.api_error_token_required,
	token_mismatch: m.api_error_token_mismatch,
	missing_token: m.api_error_missing_token,
	invalid_token: m.api_error_invalid_token,
	invalid_secret: m.api_error_invalid_secret,
	cohort_mismatch: m.api_error_cohort_mismatch,
	version_not_collected: m.api_error_version_not_collected,
	unknown_questionnaire: m.api_error_unknown_questionnaire,
	unknown_version: m.api_error_unknown_version,
	theme_mismatch: m.api_error_theme_mismatch,
	invalid_contribution: m.api_error_invalid_contribution,
	implausible_campaign: m.api_error_implausible_campaign,
	invalid_request: m.api_error_invalid_request,
	body_too_large: m.api_error_body_too_large,
	rate_limited: m.api_error_rate_limited,
	store_unavailable: m.api_error_store_unavailable,
	offline: m.api_error_offline,
	bad_response: m.api_error_bad_response,
	storage: m.api_error_storage
};

/** Refusals of the request's form rather than its content: one message for all. */
const malformed = [
	'invalid_json',
	'invalid_encoding',
	'empty_body',
	'unreadable_body',
	'unsupported_media_type',
	'method_not_allowed'
];

export function participationMessage(code: string, status?: number): string {
	const known = Object.hasOwn(messages, code)
		? messages[code]
		: malformed.includes(code)
			? messages['invalid_request']
			: null;
	if (known) return known();
	if (status && status >= 500) return m.api_error_server({ status });
	return code
		? m.api_error_refused_code({ status: status ?? '?', code })
		: m.api_error_refused({ status: status ?? '?' });
}

export const failure = (code: string, status?: number) =>
	new ParticipationError(code, participationMessage(code, status), status);

/** The error of a refused response, from its JSON `code` (its English `message` is not used). */
export async function refusal(res: Response): Promise<ParticipationError> {
	const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
	const code = typeof body?.code === 'string' ? body.code : '';
	return failure(code || (res.status === 503 ? 'store_unavailable' : ''), res.status);
}

/** The officer's message for any failure of the flow. */
export function messageOf(e: unknown): string {
	if (e instanceof ParticipationError) return e.message;
	if (e instanceof Error && e.name === 'StorageError') return e.message;
	return participationMessage('bad_response');
}
