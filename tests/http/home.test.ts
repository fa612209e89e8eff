import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
beforeAll(async () => {
	server = await startBuiltServer();
});
afterAll(() => server?.stop());

describe('the home page of the built server', () => {
	it('lists every questionnaire of questionnaires/', async () => {
		const { questionnaires } = loadCatalog('questionnaires');
		expect(questionnaires.length).toBeGreaterThan(0);
		const res = await fetch(server.url + '/');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<html lang="fr">');
		for (const q of questionnaires) {
			expect(html).toContain(`data-questionnaire="${q.id}"`);
			expect(html).toContain(escapeHtml(q.title.fr));
		}
	});

	it('sends a strict content security policy', async () => {
		const res = await fetch(server.url + '/');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
	});

	it('answers 404 for an unknown page', async () => {
		const res = await fetch(server.url + '/nulle-part');
		expect(res.status).toBe(404);
	});
});

function escapeHtml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}
