/**
 * lib/klimapartner-widgets.js (`npm run build:npm`, the package's "." export) leaves Lit to
 * the app: its only imports are lit, lit/*, lit-html, lit-element, @lit/reactive-element.
 * @lit/localize and our own code are inside. The dev server rewrites bare imports to
 * /node_modules/… paths, so both spellings are accepted.
 */
import {expect} from '@open-wc/testing';

const LIT = /^(?:lit|lit-html|lit-element|@lit\/reactive-element)(?:\/|$)/;

function packageOf(specifier: string): string {
  const m = specifier.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?$/);
  return m ? m[1] + (m[2] ?? '') : specifier;
}

describe('npm build (lib/)', () => {
  it('imports only Lit, nothing else (not @lit/localize, no chunk)', async () => {
    const response = await fetch('/lib/klimapartner-widgets.js');
    expect(response.ok, 'lib/klimapartner-widgets.js exists (npm run build:npm)').to.equal(true);
    const text = await response.text();
    const imports = [...text.matchAll(/(?:\bfrom\s*|(?:^|[;}\n])\s*import\s*)(["'])([^"']+)\1/g)].map((m) => m[2]);
    expect(imports.length, 'it does import Lit').to.be.greaterThan(0);
    const others = imports.map(packageOf).filter((s) => !LIT.test(s));
    expect(others).to.deep.equal([]);
    expect(text).not.to.match(/\bimport\s*\(/);
  });

  it('exports the element classes and the locale API', async () => {
    const mod = await import(/* @vite-ignore */ '/lib/klimapartner-widgets.js' as string);
    for (const name of ['KpCountdown', 'KpContactCard', 'KpNewsletterSignup', 'KpInterestForm', 'KpShare', 'setLocale', 'getLocale']) {
      expect(mod[name], name).to.not.equal(undefined);
    }
  });
});
