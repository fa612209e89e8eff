import { parseArgs } from 'node:util';
import { versionPools } from '../../domain/benchmark.ts';
import { latestCampaign } from '../../domain/contribution.ts';
import {
	campaignYearSchema,
	formatInvitation,
	type Collected
} from '../../domain/participation.ts';
import type { TerritoryType } from '../../domain/profile.ts';
import type { CliContext } from '../benchmarks/cli.ts';
import {
	findCampaign,
	insertCampaign,
	listCampaigns,
	setCampaignStatus
} from '../store/campaigns.ts';
import { publishEdition } from '../editions/publish.ts';
import { territories } from '../territories/data.ts';
import {
	codesFromCsv,
	InvitationError,
	inviteTerritories,
	selectTerritories,
	type Selection
} from './invitations.ts';
import { KeyRing } from './keyring.ts';

/** A refusal of the command line: printed on stderr, exit 1 (2 for a usage mistake). */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
	}
}

export interface Io {
	out(line: string): void;
	err(line: string): void;
	readFile(path: string): string;
	now(): Date;
}

const usage = (m: string) => new CliError(m, 2);

function year(text: string | undefined): number {
	if (text === undefined) throw usage('missing the campaign year');
	const parsed = campaignYearSchema.safeParse(/^\d{4}$/.test(text) ? Number(text) : NaN);
	if (!parsed.success)
		throw usage(`"${text}" is not a campaign year (${parsed.error.issues[0]!.message})`);
	return parsed.data;
}

/** `donnees@1,cybersecurite@1` → what a campaign collects, checked against the catalog. */
export function parseCollects(text: string, ctx: Pick<CliContext, 'catalog'>): Collected[] {
	const problems: string[] = [];
	const collects: Collected[] = [];
	for (const item of text.split(',').map((s) => s.trim())) {
		const m = /^([a-z0-9-]+)@(\d+)$/.exec(item);
		if (!m) {
			problems.push(`"${item}": write questionnaire@version, e.g. donnees@1`);
			continue;
		}
		const [, questionnaire, v] = m as unknown as [string, string, string];
		const version = Number(v);
		if (ctx.catalog.versions(questionnaire).length === 0)
			problems.push(`${item}: no questionnaire "${questionnaire}"`);
		else if (!ctx.catalog.get(questionnaire, version))
			problems.push(
				`${item}: "${questionnaire}" has versions ${ctx.catalog
					.versions(questionnaire)
					.map((q) => q.version)
					.join(', ')}`
			);
		else if (collects.some((c) => c.questionnaire === questionnaire && c.version === version))
			problems.push(`${item}: listed twice`);
		else collects.push({ questionnaire, version });
	}
	// Two versions of one questionnaire only where their figures pool (comparableWith).
	for (const q of new Set(collects.map((c) => c.questionnaire))) {
		const versions = collects.filter((c) => c.questionnaire === q).map((c) => c.version);
		if (versions.length < 2) continue;
		const pools = versionPools(ctx.catalog.versions(q));
		if (!pools.some((p) => versions.every((v) => p.versions.includes(v))))
			problems.push(
				`${q}: versions ${versions.join(' and ')} are not comparable; a campaign collects one of them`
			);
	}
	if (problems.length) throw new CliError(problems.join('\n'));
	return collects;
}

async function campaign(args: string[], ctx: CliContext, io: Io): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { questionnaires: { type: 'string' }, closes: { type: 'string' } }
	});
	const [action, yearText] = positionals;
	const db = ctx.store.db;
	if (action === 'list') {
		io.out('year;status;collects;closes;synthetic');
		for (const c of await listCampaigns(db))
			io.out(
				[
					c.year,
					c.status,
					c.collects.map((x) => `${x.questionnaire}@${x.version}`).join(','),
					c.closes ?? '',
					c.synthetic ? 'yes' : 'no'
				].join(';')
			);
		return;
	}
	if (action === 'open') {
		const y = year(yearText);
		const today = io.now().toISOString().slice(0, 10);
		if (y > latestCampaign(io.now())) throw new CliError(`campaign ${y} is in the future`);
		if (!values.questionnaires)
			throw usage(
				'campaign open needs --questionnaires, e.g. --questionnaires donnees@1,cybersecurite@1'
			);
		const collects = parseCollects(values.questionnaires, ctx);
		const closes = values.closes ?? null;
		if (closes !== null) {
			const d = new Date(`${closes}T00:00:00Z`);
			if (
				!/^\d{4}-\d{2}-\d{2}$/.test(closes) ||
				Number.isNaN(d.getTime()) ||
				d.toISOString().slice(0, 10) !== closes
			)
				throw usage(`--closes ${closes}: not a date (YYYY-MM-DD)`);
			if (closes < today) throw new CliError(`--closes ${closes}: that day is past`);
		}
		if (
			!(await insertCampaign(db, { year: y, collects, closes, status: 'open', synthetic: false }))
		)
			throw new CliError(`campaign ${y} exists already (campaign list)`);
		io.err(`campaign ${y} is open: ${values.questionnaires}${closes ? `, until ${closes}` : ''}`);
		return;
	}
	if (action === 'close') {
		const y = year(yearText);
		if (!(await setCampaignStatus(db, y, 'closed')))
			throw new CliError(`there is no campaign ${y}`);
		io.err(`campaign ${y} is closed: it takes no more tokens nor contributions`);
		return;
	}
	throw usage('campaign open|close|list');
}

async function invite(args: string[], ctx: CliContext, io: Io): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			file: { type: 'string' },
			type: { type: 'string' },
			departement: { type: 'string' },
			region: { type: 'string' }
		}
	});
	const [yearText, ...codes] = positionals;
	const y = year(yearText);
	let selection: Selection;
	const ways = [codes.length > 0, values.file !== undefined, values.type !== undefined].filter(
		Boolean
	);
	if (ways.length !== 1)
		throw usage(
			'invite <year> with codes, or --file f.csv, or --type T --departement D | --region R'
		);
	if (values.type !== undefined) {
		if ((values.departement === undefined) === (values.region === undefined))
			throw usage('--type needs either --departement or --region');
		selection = {
			type: values.type as TerritoryType,
			...(values.departement !== undefined ? { departement: values.departement } : {}),
			...(values.region !== undefined ? { region: values.region } : {})
		};
	} else if (values.file !== undefined) {
		let text: string;
		try {
			text = io.readFile(values.file);
		} catch (e) {
			throw new CliError(`${values.file}: ${(e as Error).message}`);
		}
		try {
			selection = { codes: codesFromCsv(text) };
		} catch (e) {
			if (e instanceof InvitationError) throw new CliError(`${values.file}: ${e.message}`);
			throw e;
		}
	} else selection = { codes };
	try {
		const picked = selectTerritories(territories(), selection);
		const invitations = await inviteTerritories(
			ctx.store.db,
			new KeyRing(ctx.store.db),
			await findCampaign(ctx.store.db, y),
			y,
			picked
		);
		io.out('code;type;name;invitation');
		const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
		for (const i of invitations)
			io.out(
				[
					i.territory.code,
					i.territory.type,
					quote(i.territory.name),
					formatInvitation(i.code)
				].join(';')
			);
		io.err(
			`${invitations.length} invitation(s) to campaign ${y}; the codes are stored only hashed: keep this file`
		);
	} catch (e) {
		if (e instanceof InvitationError) throw new CliError(`nothing was stored:\n${e.message}`);
		throw e;
	}
}

async function status(args: string[], ctx: CliContext, io: Io): Promise<void> {
	const db = ctx.store.db;
	const years =
		args[0] !== undefined ? [year(args[0])] : (await listCampaigns(db)).map((c) => c.year);
	for (const y of years) {
		const c = await findCampaign(db, y);
		if (!c) throw new CliError(`there is no campaign ${y}`);
		const invitations = await db
			.selectFrom('invitations')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('campaign', '=', y)
			.executeTakeFirstOrThrow();
		const redeemed = await db
			.selectFrom('issuances')
			.innerJoin('invitations', 'invitations.code_hash', 'issuances.code_hash')
			.select((eb) => eb.fn.count('issuances.code_hash').distinct().as('n'))
			.where('invitations.campaign', '=', y)
			.executeTakeFirstOrThrow();
		io.out(`campaign ${y} (${c.status}${c.closes ? `, closes ${c.closes}` : ''})`);
		io.out(`  invitations: ${Number(invitations.n)} issued, ${Number(redeemed.n)} redeemed`);
		const rows = await db
			.selectFrom('contributions')
			.select(['questionnaire', 'source'])
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('scores').as('live')])
			.where('campaign', '=', y)
			.groupBy(['questionnaire', 'source'])
			.orderBy('questionnaire')
			.orderBy('source')
			.execute();
		for (const q of new Set(rows.map((r) => r.questionnaire))) {
			const mine = rows.filter((r) => r.questionnaire === q);
			const live = mine.reduce((s, r) => s + Number(r.live), 0);
			const all = mine.reduce((s, r) => s + Number(r.n), 0);
			io.out(
				`  ${q}: ${live} live, ${all - live} withdrawn (${mine.map((r) => `${r.source} ${Number(r.live)}`).join(', ')})`
			);
		}
		const next = await publishEdition(db, ctx.catalog, {
			campaign: y,
			k: ctx.config.BENCHMARK_K,
			dryRun: true
		});
		const { published, carried, suppressed } = next.counts;
		io.out(
			next.status === 'preview'
				? `  publishable now (edition ${next.number}): ${published} cell(s) with new figures, ${carried} carried over, ${suppressed} suppressed`
				: `  publishable now: nothing new since ${next.number ? `edition ${next.number}` : 'the start'}`
		);
		const cells = await db
			.selectFrom('invitations')
			.select(['territory_type', 'band', 'region'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where('campaign', '=', y)
			.groupBy(['territory_type', 'band', 'region'])
			.execute();
		const small = cells.filter((r) => Number(r.n) < ctx.config.BENCHMARK_K);
		if (small.length > 0)
			io.err(
				`campaign ${y}: ${small.length} cohort cell(s) with fewer than k = ${ctx.config.BENCHMARK_K} invitations (${small
					.slice(0, 10)
					.map((r) => `${r.territory_type}/${r.band}/${r.region}: ${Number(r.n)}`)
					.join(
						', '
					)}${small.length > 10 ? ', …' : ''}). Their anonymity set is small: whoever knows who was invited there can tell who contributed. Invite more territories of these cohorts.`
			);
	}
}

export const HELP = `npm run observatory -- <verb> …   (same settings as the server: SQLITE_PATH or DATABASE_URL)

  campaign open <year> --questionnaires donnees@1,cybersecurite@1 [--closes YYYY-MM-DD]
  campaign close <year>
  campaign list                                   CSV on stdout
  invite <year> <code>…                           INSEE/SIREN codes (departement:44 or region:44 where ambiguous)
  invite <year> --file territories.csv            first column "code", ";" or "," separated
  invite <year> --type commune --departement 54   (or --region 44)
                                                  → CSV code;type;name;invitation on stdout
  status [<year>]                                 invitations, contributions (counts only), the next edition
  publish <year>                                  publishes an edition

Data on stdout, messages on stderr; exit 1 on a refusal (nothing stored), 2 on a usage mistake.`;

/** Runs one verb. `publish` is the editions' (`src/lib/server/editions/cli.ts`). */
export async function runObservatory(
	args: string[],
	ctx: CliContext,
	io: Io,
	publish?: (args: string[], ctx: CliContext) => Promise<void>
): Promise<void> {
	const [verb, ...rest] = args;
	if (verb === 'campaign') return campaign(rest, ctx, io);
	if (verb === 'invite') return invite(rest, ctx, io);
	if (verb === 'status') return status(rest, ctx, io);
	if (verb === 'publish') {
		if (!publish) throw new CliError('publish is not available yet in this version');
		return publish(rest, ctx);
	}
	throw usage(`unknown verb ${verb === undefined ? '(none)' : `"${verb}"`}\n\n${HELP}`);
}
