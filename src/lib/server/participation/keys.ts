import { RSABSSA } from '@cloudflare/blindrsa-ts';
import {
	constants,
	createHash,
	createPrivateKey,
	createPublicKey,
	privateDecrypt,
	publicEncrypt,
	timingSafeEqual,
	verify,
	type KeyObject
} from 'node:crypto';

/**
 * Token-signing keys and the two RSA operations the server does with them (RFC 9474,
 * RSABSSA-SHA384-PSS-Randomized; why one key per campaign × questionnaire × cohort: see
 * `domain/participation.ts`).
 */
export const suite = RSABSSA.SHA384.PSS.Randomized();

/** RSA-2048: blinded messages, blind signatures and signatures are 256 bytes. */
export const MODULUS_BYTES = 256;

/** A prepared message: 32 random bytes (the Randomized variant's prefix), then SHA-256(S). */
export const MESSAGE_BYTES = 64;

export interface KeyMaterial {
	/** base64url of the first 16 bytes of SHA-256(spki). */
	id: string;
	/** SubjectPublicKeyInfo DER, base64url. */
	spki: string;
	/** PKCS #8 DER, base64url. */
	pkcs8: string;
}

export const keyId = (spki: Uint8Array): string =>
	createHash('sha256').update(spki).digest().subarray(0, 16).toString('base64url');

/** A fresh RSA-2048 key pair (about 0.1–1 s: OpenSSL looks for two primes). */
export async function generateKeyMaterial(): Promise<KeyMaterial> {
	const pair = await suite.generateKey({
		publicExponent: new Uint8Array([1, 0, 1]),
		modulusLength: 2048
	});
	const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
	const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
	return {
		id: keyId(spki),
		spki: Buffer.from(spki).toString('base64url'),
		pkcs8: Buffer.from(pkcs8).toString('base64url')
	};
}

/** A signing key ready to use, as OpenSSL objects. */
export interface SigningKey {
	id: string;
	private: KeyObject;
	public: KeyObject;
}

export function loadSigningKey(m: Pick<KeyMaterial, 'spki' | 'pkcs8'>): SigningKey {
	const spki = Buffer.from(m.spki, 'base64url');
	return {
		id: keyId(spki),
		private: createPrivateKey({
			key: Buffer.from(m.pkcs8, 'base64url'),
			format: 'der',
			type: 'pkcs8'
		}),
		public: createPublicKey({ key: spki, format: 'der', type: 'spki' })
	};
}

/** A public key as the browser imports it (blindrsa-ts needs it extractable to blind). */
export const importPublicKey = (spki: Uint8Array): Promise<CryptoKey> =>
	crypto.subtle.importKey(
		'spki',
		new Uint8Array(spki),
		{ name: 'RSA-PSS', hash: 'SHA-384' },
		true,
		['verify']
	);

export class BlindSignError extends Error {}

/**
 * RFC 9474 BlindSign: s = RSASP1(sk, m), then the check m = RSAVP1(pk, s). RSASP1 is OpenSSL's
 * raw RSA (`privateDecrypt` without padding, ~1 ms) rather than blindrsa-ts's JavaScript
 * bignums (~300 ms here); both compute m^d mod n, so the result is the same bytes (unit test).
 * Throws `BlindSignError` for input that is not a 256-byte integer below the modulus.
 */
export function blindSign(key: SigningKey, blinded: Uint8Array): Uint8Array {
	if (blinded.length !== MODULUS_BYTES)
		throw new BlindSignError(`a blinded message is ${MODULUS_BYTES} bytes`);
	let s: Buffer;
	try {
		s = privateDecrypt({ key: key.private, padding: constants.RSA_NO_PADDING }, blinded);
	} catch {
		throw new BlindSignError('the blinded message is not below the key modulus');
	}
	const back = publicEncrypt({ key: key.public, padding: constants.RSA_NO_PADDING }, s);
	if (back.length !== blinded.length || !timingSafeEqual(back, blinded))
		throw new BlindSignError('signing failure');
	return new Uint8Array(s);
}

/**
 * Whether `signature` is this key's signature of the 64-byte prepared message. A finalised RFC
 * 9474 signature is a plain RSASSA-PSS signature (SHA-384, MGF1-SHA-384, 48-byte salt; RFC 9474
 * §4.5), so OpenSSL verifies it directly, synchronously: a fifth of the time blindrsa-ts's
 * `verify` takes through WebCrypto's promise machinery, on the hottest write. The unit test
 * checks that both always agree.
 */
export function verifyToken(key: SigningKey, message: Uint8Array, signature: Uint8Array): boolean {
	if (message.length !== MESSAGE_BYTES || signature.length !== MODULUS_BYTES) return false;
	try {
		return verify(
			'sha384',
			message,
			{ key: key.public, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
			signature
		);
	} catch {
		return false;
	}
}
