/**
 * Why a participation request failed, as a stable code and a French sentence for the officer. The
 * server's own English `message` is never shown: only its `code` is read.
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

const messages: Record<string, string> = {
	invalid_invitation:
		"Ce code d'invitation n'a pas la bonne forme : il compte 20 lettres et chiffres, par exemple 7KQ2M-X9JDP-4RT8W-CB3NE.",
	unknown_invitation:
		"Ce code d'invitation n'est pas reconnu. Vérifiez-le, ou demandez-le à l'association qui mène la campagne.",
	campaign_closed:
		'La campagne de cette invitation est close : elle ne reçoit plus de contributions.',
	token_already_issued:
		'Un jeton a déjà été délivré pour ce questionnaire avec cette invitation, à un autre navigateur ou pour un autre diagnostic. Importez le fichier du diagnostic qui le détient.',
	token_spent:
		'Ce jeton a déjà servi : une contribution existe déjà pour ce questionnaire. Mettez-la à jour ou retirez-la depuis le diagnostic qui l’a envoyée.',
	key_mismatch:
		"La clé de signature reçue n'est pas celle que le serveur publie pour votre groupe de pairs : par prudence, aucun jeton n'a été demandé. Signalez-le à l'association qui mène la campagne.",
	questionnaire_not_collected: 'Cette campagne ne collecte pas ce questionnaire.',
	invalid_blinded_message:
		'Le serveur a refusé la demande de jeton comme mal formée : rechargez la page et réessayez.',
	token_required: 'Ce serveur n’accepte que les contributions avec un jeton obtenu par invitation.',
	token_mismatch:
		"Ce jeton est celui d'un autre questionnaire ou d'une autre campagne : la contribution est refusée.",
	missing_token: 'Le secret de retrait manque à la demande : rien n’a été modifié.',
	invalid_token:
		'Le jeton de participation est refusé : il ne correspond à aucune campagne ouverte de ce serveur.',
	invalid_secret:
		'Le secret de retrait est refusé par le serveur : cette contribution ne peut pas être modifiée depuis ce diagnostic.',
	cohort_mismatch:
		"Le groupe de pairs envoyé n'est pas celui de votre invitation : la contribution est refusée.",
	version_not_collected:
		'Cette campagne ne collecte pas la version du questionnaire à laquelle ce diagnostic répond.',
	unknown_questionnaire: 'Le serveur ne connaît pas ce questionnaire.',
	unknown_version: 'Le serveur ne connaît pas cette version du questionnaire.',
	theme_mismatch:
		'Les thèmes envoyés ne sont pas ceux de cette version du questionnaire : mettez Numériscope à jour (rechargez la page).',
	invalid_contribution:
		'Le serveur a refusé la contribution comme mal formée : rechargez la page et réessayez.',
	implausible_campaign:
		"L'horloge de cet ordinateur semble fausse : la campagne indiquée n'a pas encore commencé.",
	invalid_request:
		'Le serveur a refusé la demande comme mal formée : rechargez la page et réessayez.',
	body_too_large: 'La demande est trop volumineuse pour le serveur.',
	rate_limited: 'Trop de demandes en peu de temps : réessayez dans quelques minutes.',
	store_unavailable:
		'Le serveur est momentanément indisponible (stockage) : rien n’a été enregistré, réessayez plus tard.',
	offline:
		'Le serveur est injoignable (hors ligne ?) : rien n’a été envoyé. Réessayez une fois connecté.',
	bad_response:
		'La réponse du serveur est inattendue : rien n’a été enregistré. Rechargez la page et réessayez.',
	storage: 'Impossible d’enregistrer le jeton dans ce navigateur : rien n’a été envoyé.'
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
	return (
		messages[code] ??
		(malformed.includes(code) ? messages['invalid_request'] : undefined) ??
		(status && status >= 500
			? `Le serveur a rencontré une erreur (code HTTP ${status}) : réessayez plus tard.`
			: `Le serveur a refusé la demande (code HTTP ${status ?? '?'}${code ? `, ${code}` : ''}).`)
	);
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
