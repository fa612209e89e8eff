import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale, type Locale } from '../paraglide/runtime.js';
import { errorMessage, isUserFacing, storageCode } from './errors.ts';
import { StorageError } from './storage/errors.ts';

const inLocale = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => inLocale(baseLocale));

const dexie = (name: string, inner?: string) =>
	Object.assign(new Error('raw'), { name, ...(inner ? { inner: { name: inner } } : {}) });

describe('storage errors', () => {
	it.each([
		['QuotaExceededError', 'quota', /stockage du navigateur est plein/],
		['DatabaseClosedError', 'closed', /mis à jour dans un autre onglet/],
		['VersionError', 'newer', /version plus récente/],
		['MissingAPIError', 'unavailable', /navigation privée/]
	] as const)('tells %s apart and says what could not be done', (name, code, text) => {
		const e = StorageError.from(dexie(name), 'save_answer');
		expect(e.code).toBe(code);
		expect(e.message).toMatch(/^Impossible d’enregistrer la réponse\s: /);
		expect(e.message).toMatch(text);
		expect(storageCode(e)).toBe(`storage_${code}`);
	});

	it('reads the inner error Dexie wraps an open failure in', () => {
		expect(StorageError.from(dexie('OpenFailedError', 'InvalidStateError'), 'read').code).toBe(
			'unavailable'
		);
	});

	it('keeps the browser words of an unknown failure as the detail', () => {
		const e = StorageError.from(new Error('disk on fire'), 'list');
		expect(e.message).toBe('Impossible de lire vos diagnostics : disk on fire');
	});

	it('speaks English on an English page', () => {
		inLocale('en');
		expect(StorageError.from(dexie('QuotaExceededError'), 'save_answer').message).toBe(
			"Could not save the answer: the browser's storage is full. Export your assessments, delete old ones, then try again."
		);
	});
});

describe('errorMessage', () => {
	it('keeps the message of an error written for the officer', () => {
		const e = StorageError.from(dexie('MissingAPIError'), 'create');
		expect(isUserFacing(e)).toBe(true);
		expect(errorMessage(e)).toBe(e.message);
		const refusal = Object.assign(new Error('Ce jeton a déjà servi.'), {
			name: 'ParticipationError'
		});
		expect(errorMessage(refusal)).toBe('Ce jeton a déjà servi.');
	});

	it('wraps anything else in a sentence of the page language', () => {
		expect(errorMessage(new TypeError('Failed to fetch'))).toBe(
			'Une erreur inattendue est survenue : Failed to fetch'
		);
		inLocale('en');
		expect(errorMessage('boom')).toBe('An unexpected error occurred: boom');
		expect(storageCode(new Error('x'))).toBeUndefined();
	});
});
