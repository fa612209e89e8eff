import { expect, test, type Page } from '@playwright/test';
import type { Contribution } from '../../src/lib/domain/contribution.ts';
import {
	contribute,
	invite,
	observatory,
	obtainToken,
	openCampaign
} from '../support/participation.ts';
import { answerAll, createNancy, e2eStore, expectNoAxeViolations, exportFile } from './helpers.ts';

const year = new Date().getFullYear();
/** Nancy's cohort (commune × 100,000–299,999 × Grand Est) holds these four too: k = 5. */
const PEERS = { metz: '57463', reims: '51454', strasbourg: '67482', mulhouse: '68224' };

/** The current year's campaign, collecting inclusion v2, the version a new diagnostic answers (the demo store may have opened it). */
function ensureCampaign() {
	const list = observatory(e2eStore(), ['campaign', 'list']);
	expect(list.status, list.stderr).toBe(0);
	const row = list.stdout.split('\n').find((l) => l.startsWith(`${year};`));
	if (!row) openCampaign(e2eStore(), year, 'inclusion@2');
	else expect(row).toMatch(/;open;.*inclusion@2/);
}

/** Requests to the participation API, as sent: method, path, body, authorization. */
function watch(page: Page) {
	const seen: { method: string; path: string; body: string; authorization?: string }[] = [];
	page.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (/^\/api\/(participation|tokens|contributions|campaigns)/.test(path))
			seen.push({
				method: r.method(),
				path,
				body: r.postData() ?? '',
				...(r.headers()['authorization'] ? { authorization: r.headers()['authorization'] } : {})
			});
	});
	return seen;
}

/** The contribution panel is loaded when the officer opens it. */
async function openContribute(page: Page) {
	await page.getByRole('button', { name: 'Contribuer ou gérer ma contribution' }).click();
	await expect(page.locator('ul.contribute-list')).toBeVisible();
}

const slot = (page: Page, questionnaire: string) =>
	page.locator(`li[data-questionnaire="${questionnaire}"]`);

test('an invited officer contributes, withdraws, contributes again, and sees the published edition', async ({
	page,
	baseURL
}) => {
	test.setTimeout(120_000);
	ensureCampaign();
	const codes = invite(e2eStore(), year, ['54395', ...Object.values(PEERS)]);
	const invitation = codes.get('54395')!;
	const id = await createNancy(page, ['inclusion']);
	await answerAll(page, id, 'inclusion');
	const sent = watch(page);

	await page.goto(`/diagnostics/${id}/resultats`);
	await openContribute(page);
	await expect(page.getByLabel('Code d’invitation')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Code d’invitation').fill(invitation.toLowerCase());
	await page.getByRole('button', { name: 'Utiliser l’invitation' }).click();
	const inclusion = slot(page, 'inclusion');
	await expect(inclusion).toHaveAttribute('data-status', 'ready');
	await expect(page.locator('p.campaign')).toContainText(
		/Commune · de 100\s000 à 299\s999 habitants · Grand Est/
	);
	await expectNoAxeViolations(page);

	// The preview is the body, the token shown as « jeton anonyme ».
	await inclusion.getByRole('button', { name: /Voir exactement ce qui serait envoyé/ }).click();
	const preview = JSON.parse(await inclusion.locator('pre.json').innerText());
	expect(preview.token).toBe('« jeton anonyme »');
	const c = preview.contribution as Contribution;
	expect(Object.keys(c).sort()).toEqual([
		'campaign',
		'cohort',
		'questionnaire',
		'scores',
		'version'
	]);
	expect(c).toMatchObject({
		campaign: year,
		cohort: { type: 'commune', band: '100000-299999', region: '44' }
	});
	await expect(inclusion.getByRole('table')).toContainText('Grand Est');
	await expect(inclusion.getByRole('table')).not.toContainText('région 44');
	await expectNoAxeViolations(page);

	await inclusion.getByRole('button', { name: /^Envoyer ma contribution/ }).click();
	await expect(inclusion).toHaveAttribute('data-status', 'sent');
	await expect(inclusion.getByText(/Contribution envoyée/)).toBeVisible();
	const post = sent.find((r) => r.method === 'POST' && r.path === '/api/contributions')!;
	const body = JSON.parse(post.body);
	expect(body.contribution).toEqual(c);
	expect(Object.keys(body.token).sort()).toEqual(['key', 'message', 'signature']);
	// The invitation went to the participation and token requests only, never with the scores.
	for (const r of sent.filter((r) => r.path === '/api/contributions'))
		expect(JSON.stringify(r).toUpperCase()).not.toContain(invitation.replace(/-/g, ''));
	expect(JSON.stringify(body)).not.toMatch(/Nancy|54395/);

	// After a reload the secret is still here: withdraw, then send again (PUT with S).
	await page.reload();
	await openContribute(page);
	await inclusion.getByRole('button', { name: /^Retirer ma contribution/ }).click();
	await expect(inclusion).toHaveAttribute('data-status', 'withdrawn');
	const del = sent.at(-1)!;
	expect(del).toMatchObject({ method: 'DELETE', path: '/api/contributions' });
	expect(del.authorization).toMatch(/^Bearer [A-Za-z0-9_-]{43}$/);
	await inclusion.getByRole('button', { name: /^Envoyer à nouveau/ }).click();
	await expect(inclusion).toHaveAttribute('data-status', 'sent');
	expect(sent.at(-1)).toMatchObject({ method: 'PUT', authorization: del.authorization });

	// Four peers of the cohort contribute from elsewhere; the operator publishes.
	let shift = 0;
	for (const code of Object.values(PEERS)) {
		const { token } = await obtainToken(baseURL!, codes.get(code)!, 'inclusion');
		shift += 7;
		const scores = {
			overall: (c.scores.overall + shift) % 101,
			themes: Object.fromEntries(
				Object.entries(c.scores.themes).map(([t, s]) => [t, (s + shift) % 101])
			)
		};
		const res = await contribute(baseURL!, token, { ...c, scores });
		expect(res.status, await res.text()).toBe(201);
	}
	const published = observatory(e2eStore(), ['publish', String(year)]);
	expect(published.status, published.stderr).toBe(0);
	// The server reloads its editions every BENCHMARK_REFRESH_MS (1 s by default).
	const note = page.locator('section[aria-labelledby="q-inclusion"] .peer-note');
	await expect(async () => {
		await page.reload();
		await expect(note).toContainText(`Édition 1 de la campagne ${year}, publiée le`, {
			timeout: 2000
		});
	}).toPass({ timeout: 20_000 });
	await expect(note).toContainText('Comparé à 5 territoires');
	await expect(note).toContainText(/de 100\s000 à 299\s999 habitants · Grand Est/);
	await expect(note).not.toContainText('Données de démonstration');
	await expect(page.locator('.demo-banner')).toHaveCount(0);

	// « Mettre à jour » answered 404 `unknown_token` (the server lost it) is not reported as done.
	await openContribute(page);
	await page.route('**/api/contributions', (route) =>
		route.request().method() === 'PUT'
			? route.fulfill({
					status: 404,
					contentType: 'application/json',
					body: JSON.stringify({
						code: 'unknown_token',
						message: 'no contribution has this secret'
					})
				})
			: route.continue()
	);
	await inclusion.getByRole('button', { name: /^Mettre à jour/ }).click();
	await expect(inclusion.getByRole('alert')).toContainText('ne connaît plus cette contribution');
	await expect(inclusion).toHaveAttribute('data-status', 'ready');
	await expect(inclusion.getByText(/Contribution envoyée/)).toHaveCount(0);
});

test('a lost answer to a token request is retried with the same blinded message, after a reload', async ({
	page
}) => {
	ensureCampaign();
	// Épinal's invitation in Nancy's diagnostic: the official cohort differs from the profile's.
	const invitation = invite(e2eStore(), year, ['88160']).get('88160')!;
	const id = await createNancy(page, ['inclusion']);
	await answerAll(page, id, 'inclusion');
	const sent = watch(page);
	let lose = true;
	await page.route('**/api/tokens', async (route) => {
		const body = JSON.parse(route.request().postData() ?? '{}');
		if (!lose || body.questionnaire !== 'inclusion') return route.continue();
		lose = false;
		await route.fetch(); // the server signs…
		await route.abort('connectionreset'); // …and the answer is lost
	});

	await page.goto(`/diagnostics/${id}/resultats`);
	await openContribute(page);
	await page.getByLabel('Code d’invitation').fill(invitation);
	await page.getByRole('button', { name: 'Utiliser l’invitation' }).click();
	const inclusion = slot(page, 'inclusion');
	await expect(inclusion.getByRole('alert')).toContainText('injoignable');
	await expect(inclusion).toHaveAttribute('data-status', 'pending');

	await page.reload();
	await openContribute(page);
	await page.getByRole('button', { name: 'Reprendre l’obtention des jetons' }).click();
	await expect(inclusion).toHaveAttribute('data-status', 'ready');
	const asked = sent
		.filter((r) => r.path === '/api/tokens' && JSON.parse(r.body).questionnaire === 'inclusion')
		.map((r) => JSON.parse(r.body).blindedMessage);
	expect(asked).toHaveLength(2);
	expect(asked[1]).toBe(asked[0]);
	await expect(page.locator('p.campaign')).toContainText(/de 30\s000 à 49\s999/);
	await expect(page.getByText(/Votre profil indique/)).toContainText(/de 100\s000 à 299\s999/);
	await expect(page.getByRole('button', { name: 'Utiliser l’invitation' })).toBeHidden();
});

test('the export file carries the secret: imported on another computer, it still withdraws', async ({
	page,
	browser
}) => {
	ensureCampaign();
	const invitation = invite(e2eStore(), year, ['54547']).get('54547')!;
	const id = await createNancy(page, ['inclusion']);
	await answerAll(page, id, 'inclusion');
	await page.goto(`/diagnostics/${id}/resultats`);
	await openContribute(page);
	await page.getByLabel('Code d’invitation').fill(invitation);
	await page.getByRole('button', { name: 'Utiliser l’invitation' }).click();
	await slot(page, 'inclusion')
		.getByRole('button', { name: /^Envoyer ma contribution/ })
		.click();
	await expect(slot(page, 'inclusion')).toHaveAttribute('data-status', 'sent');
	const file = await exportFile(page, id);
	const backup = JSON.parse(file);
	expect(backup.formatVersion).toBe(3);
	// One token per questionnaire of the campaign; the one of inclusion has served.
	expect(backup.tokens.every((t: { campaign: number }) => t.campaign === year)).toBe(true);
	const token = backup.tokens.find(
		(t: { questionnaire: string }) => t.questionnaire === 'inclusion'
	);
	expect(token).toMatchObject({ status: 'sent' });
	expect(file.toUpperCase()).not.toContain(invitation.replace(/-/g, '')); // spent: not kept

	// A new laptop: a fresh browser profile imports the file and withdraws.
	const other = await browser.newContext();
	const laptop = await other.newPage();
	const sent = watch(laptop);
	await laptop.goto('/importer');
	await laptop.getByLabel('Fichier de diagnostic (.json)').setInputFiles({
		name: 'nancy.json',
		mimeType: 'application/json',
		buffer: Buffer.from(file)
	});
	await laptop.getByRole('button', { name: 'Importer' }).click();
	await laptop.waitForURL(new RegExp(`/diagnostics/${id}$`));
	await laptop.goto(`/diagnostics/${id}/resultats`);
	await openContribute(laptop);
	await slot(laptop, 'inclusion')
		.getByRole('button', { name: /^Retirer ma contribution/ })
		.click();
	await expect(slot(laptop, 'inclusion')).toHaveAttribute('data-status', 'withdrawn');
	await expect(slot(laptop, 'inclusion').getByRole('alert')).toHaveCount(0);
	expect(sent.at(-1)).toMatchObject({
		method: 'DELETE',
		authorization: `Bearer ${token.secret}`
	});
	await other.close();
});
