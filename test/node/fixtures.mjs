// Shared by the node tests (no tests of its own).
import {build} from 'esbuild';

/** Imports a TypeScript module of the repository, bundled in memory by esbuild. */
export async function importTs(path) {
  const result = await build({
    entryPoints: [new URL(`../../${path}`, import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
  });
  return import('data:text/javascript;base64,' + Buffer.from(result.outputFiles[0].text).toString('base64'));
}

/** A complete, valid interest record. */
export const validInterest = () => ({
  municipality: 'Musterstadt',
  municipalityType: 'city',
  country: 'DE',
  state: 'DE-NW',
  population: 52000,
  contactName: 'Erika Mustermann',
  department: 'Klimaschutz',
  email: 'erika@musterstadt.de',
  phone: '+4923193696014',
  partnership: 'contacts',
  partnerMunicipality: 'Villa El Salvador',
  partnerCountry: 'PE',
  preferredRegion: 'latin-america',
  languages: ['de', 'es'],
  motivation: 'Wir möchten voneinander lernen.',
  workshop: true,
});
