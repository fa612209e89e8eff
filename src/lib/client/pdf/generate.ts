import { getLocale } from '../../paraglide/runtime.js';
import type { Results } from '../state/results.svelte.ts';
import { fileSlug } from '../download.ts';
import { diagnosticDocument, type PdfVersion } from './document.ts';

/**
 * Builds and downloads the PDF diagnostic in the browser, in the page's language: the full one
 * (« Diffusion restreinte ») or the version for wide distribution. pdfmake and the
 * Helvetica metrics are loaded here, on the click, never with the page; once cached by the
 * service worker they work offline too.
 */
export async function downloadDiagnosticPdf(
	results: Results,
	version: PdfVersion = 'restricted',
	now = new Date()
): Promise<void> {
	// Measured (performance entry `numeriscope:pdf`) by tests/bench/results.ts.
	const start = performance.now();
	const locale = getLocale();
	const [{ default: pdfMake }, { default: helvetica }] = await Promise.all([
		import('pdfmake/build/pdfmake'),
		import('pdfmake/build/standard-fonts/Helvetica')
	]);
	pdfMake.addFontContainer(helvetica);
	const report = results.report;
	const doc = diagnosticDocument({
		profile: results.diagnostic.profile,
		date: now,
		report,
		locale,
		version
	});
	const pdf = pdfMake.createPdf(doc);
	await pdf.getBuffer();
	performance.measure('numeriscope:pdf', { start });
	await pdf.download(
		`diagnostic-${fileSlug(results.diagnostic.profile.name)}-${now.toISOString().slice(0, 10)}-${
			version === 'wide' ? 'diffusion-large' : 'diffusion-restreinte'
		}.pdf`
	);
}
