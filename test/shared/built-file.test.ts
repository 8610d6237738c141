/**
 * The file webmasters embed: dist/klimapartner-widgets.js, loaded twice (the
 * same version, then another version) on one page.
 */
import {expect} from '@open-wc/testing';
import {captureConsole} from '../helpers.js';

const FILE = '/dist/klimapartner-widgets.js';

describe('the built file', () => {
  it('is one module with no import of its own and no other host in it', async () => {
    const text = await (await fetch(FILE)).text();
    expect(text).not.to.match(/\bimport\s*\(|\bfrom\s*["'`]/, 'no bare or dynamic imports');
    expect(text.match(/https?:\/\/(?!www\.w3\.org|lit\.dev|localhost\b)[a-z][^\s`"']*/gi), "no URL of another host").to.equal(null);
  });

  it('can be loaded twice; a second version warns once and the first keeps its elements', async () => {
    const log = captureConsole();
    try {
      const first = await import(FILE);
      const again = await import(`${FILE}?copy=2`);
      await Promise.all([first.defined, again.defined]);
      expect(customElements.get('kp-interest-form')).to.equal(first.KpInterestForm);
      expect(customElements.get('kp-countdown')).to.equal(first.KpCountdown);
      expect(again.KpCountdown).not.to.equal(first.KpCountdown);
      expect(log.warnings).to.deep.equal([], 'the same version is silent');

      const text = await (await fetch(FILE)).text();
      const other = text.replaceAll(`"${first.VERSION}"`, '"99.0.0"').replaceAll(`\`${first.VERSION}\``, '`99.0.0`');
      expect(other).not.to.equal(text);
      const url = URL.createObjectURL(new Blob([other], {type: 'text/javascript'}));
      const newer = await import(/* @vite-ignore */ url);
      expect(newer.VERSION).to.equal('99.0.0');
      await newer.defined;
      expect(log.warnings.length).to.equal(1);
      expect(log.warnings[0]).to.contain('99.0.0').and.to.contain(first.VERSION);
      expect(log.errors).to.deep.equal([]);
      expect(customElements.get('kp-countdown')).to.equal(first.KpCountdown);
    } finally {
      log.restore();
    }
  });

  it('hides the light-DOM fallback once the element is upgraded', async () => {
    const {defined} = await import(FILE);
    await defined;
    const host = document.createElement('div');
    host.innerHTML = '<kp-countdown deadline="2099-01-01"><p>Frist: 1. Januar 2099</p></kp-countdown>';
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement & {updateComplete: Promise<unknown>};
    await el.updateComplete;
    expect((el.querySelector('p') as HTMLElement).offsetHeight).to.equal(0, 'fallback hidden after upgrade');
    expect(el.shadowRoot!.textContent).to.contain('2099');
    host.remove();
  });
});
