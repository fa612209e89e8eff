import {
	constants,
	createHash,
	createPublicKey,
	generateKeyPairSync,
	privateDecrypt,
	verify,
	type KeyObject
} from 'node:crypto';
import type { Contribution } from '../../domain/contribution.ts';
import type { Participation } from '../../domain/participation.ts';
import type { Http } from './api.ts';
import { fromB64u, toB64u } from './b64u.ts';

/**
 * For tests in node only: the server's side of the participation contract, in process, with real
 * RSA (RSASP1 with node:crypto, as the server signs) and the contract's statuses and codes. It
 * lets the browser code be tested where no built server runs; the e2e tests use the real one.
 */

/** RSASP1: s = m^d mod n, what the server does to a blinded message. */
export function blindSign(privateKey: KeyObject, blindedMessage: string): string {
	return toB64u(
		privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, fromB64u(blindedMessage))
	);
}

export const NANCY_COHORT = { type: 'commune', band: '100000-299999', region: '44' } as const;

export function participationServer(
	options: { campaign?: number; questionnaires?: { id: string; versions: number[] }[] } = {}
) {
	const campaign = options.campaign ?? 2026;
	const questionnaires = options.questionnaires ?? [{ id: 'inclusion', versions: [1] }];
	const keys = new Map(
		questionnaires.map((q) => {
			const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
			const spki = toB64u(publicKey.export({ type: 'spki', format: 'der' }));
			const id = toB64u(createHash('sha256').update(spki).digest()).slice(0, 43);
			return [q.id, { privateKey, spki, id }];
		})
	);
	const invitations = new Map<string, Map<string, string>>();
	const spent = new Set<string>();
	/** Live and withdrawn contributions by SHA-256(S). */
	const slots = new Map<string, Contribution | null>();
	const requests: { method: string; path: string; body: unknown; authorization?: string }[] = [];
	/** The next answer to this path is lost after the server acted (a dropped connection). */
	const loseAnswer = new Set<string>();
	let down = false;
	/** A dishonest server: the key it gives invitations, not the one it publishes. */
	let personal: { id: string; spki: string } | undefined;

	const json = (status: number, body?: unknown) =>
		new Response(body === undefined ? null : JSON.stringify(body), {
			status,
			headers: body === undefined ? {} : { 'content-type': 'application/json' }
		});
	const refuse = (status: number, code: string) =>
		json(status, { code, message: `English ${code}` });
	const hashOf = (secret: string) => toB64u(createHash('sha256').update(fromB64u(secret)).digest());

	function route(method: string, path: string, body: Record<string, unknown>, auth?: string) {
		if (down) return refuse(503, 'store_unavailable');
		if (path === `/api/campaigns/${campaign}/keys` && method === 'GET')
			return json(200, {
				campaign,
				cohort: { ...NANCY_COHORT },
				keys: questionnaires.map((q) => ({
					questionnaire: q.id,
					key: { id: keys.get(q.id)!.id, spki: keys.get(q.id)!.spki }
				}))
			});
		if (path === '/api/participation' && method === 'POST') {
			if (!invitations.has(body['invitation'] as string)) return refuse(404, 'unknown_invitation');
			const answer: Participation = {
				campaign,
				cohort: { ...NANCY_COHORT },
				questionnaires: questionnaires.map((q) => ({
					questionnaire: q.id,
					versions: q.versions,
					key: personal ?? { id: keys.get(q.id)!.id, spki: keys.get(q.id)!.spki }
				}))
			};
			return json(200, answer);
		}
		if (path === '/api/tokens' && method === 'POST') {
			const issued = invitations.get(body['invitation'] as string);
			if (!issued) return refuse(404, 'unknown_invitation');
			const q = body['questionnaire'] as string;
			const blinded = body['blindedMessage'] as string;
			const before = issued.get(q);
			if (before && before !== blinded) return refuse(409, 'token_already_issued');
			issued.set(q, blinded);
			return json(200, { blindSignature: blindSign(keys.get(q)!.privateKey, blinded) });
		}
		if (path === '/api/contributions' && method === 'POST') {
			const token = body['token'] as { key: string; message: string; signature: string };
			const c = body['contribution'] as Contribution;
			const key = [...keys.values()].find((k) => k.id === token.key);
			const ok =
				key &&
				verify(
					'sha384',
					fromB64u(token.message),
					{
						key: createPublicKey(key.privateKey),
						padding: constants.RSA_PKCS1_PSS_PADDING,
						saltLength: 48
					},
					fromB64u(token.signature)
				);
			if (!ok) return refuse(401, 'invalid_token');
			if (spent.has(token.message)) return refuse(409, 'token_spent');
			if (JSON.stringify(c.cohort) !== JSON.stringify(NANCY_COHORT))
				return refuse(403, 'cohort_mismatch');
			spent.add(token.message);
			slots.set(toB64u(fromB64u(token.message).slice(32)), c);
			return json(201, {});
		}
		if (path === '/api/contributions' && (method === 'PUT' || method === 'DELETE')) {
			const secret = auth?.replace(/^Bearer /, '') ?? '';
			const slot = hashOf(secret);
			if (!slots.has(slot)) return refuse(404, 'unknown_token');
			if (method === 'DELETE') {
				if (slots.get(slot) === null) return refuse(404, 'unknown_token');
				slots.set(slot, null);
			} else slots.set(slot, body['contribution'] as Contribution);
			return json(204);
		}
		return refuse(404, 'not_found');
	}

	const http: Http = async (url, init = {}) => {
		const method = init.method ?? 'GET';
		const body = init.body ? JSON.parse(init.body as string) : {};
		const authorization = (init.headers as Record<string, string> | undefined)?.['authorization'];
		requests.push({ method, path: url, body, ...(authorization ? { authorization } : {}) });
		const [path, query] = url.split('?');
		if (query !== undefined && query !== new URLSearchParams({ ...NANCY_COHORT }).toString())
			return refuse(400, 'invalid_query');
		const res = route(method, path!, body, authorization);
		if (loseAnswer.delete(url)) throw new TypeError('Failed to fetch');
		return res;
	};

	return {
		http,
		requests,
		slots,
		invite(code: string) {
			invitations.set(code, new Map());
		},
		loseNextAnswer(path: string) {
			loseAnswer.add(path);
		},
		/** Gives each invitation a key of its own, to recognise its contributions later. */
		tagInvitations() {
			const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
			const spki = toB64u(publicKey.export({ type: 'spki', format: 'der' }));
			personal = { id: toB64u(createHash('sha256').update(spki).digest()).slice(0, 43), spki };
		},
		setDown(value: boolean) {
			down = value;
		},
		/** Forgets every contribution (a store reset). */
		wipe() {
			slots.clear();
		}
	};
}
