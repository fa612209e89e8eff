import { createHash, randomBytes } from 'node:crypto';

/**
 * Withdrawal tokens: 256 random bits, returned once on `201` and kept by the browser. The store
 * keeps only their SHA-256: a leaked database lets nobody replace or withdraw a contribution.
 * A fast hash is enough, as the token has full entropy (no guessing to slow down).
 */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The shape of a token: 43 base64url characters. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
