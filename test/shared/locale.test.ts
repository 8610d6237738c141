import {expect, fixture, html} from '@open-wc/testing';
import {msg, str} from '@lit/localize';
import {inLocale, LOCALES, matchLocale, msgById, resolveIntlLocale, resolveLocale, setLocale, getLocale} from '../../src/shared/locale.js';
import {packed, SEP} from '../../src/generated/locales.js';
import '../../src/countdown/define.js';
import {shadowText} from '../helpers.js';

describe('locale: which language an element speaks', () => {
  afterEach(async () => {
    document.documentElement.lang = 'de';
    await setLocale(null);
  });

  it('maps language tags to our five languages, else nothing', () => {
    expect(matchLocale('fr-CA')).to.equal('fr');
    expect(matchLocale('PT-br')).to.equal('pt');
    expect(matchLocale('de_DE')).to.equal('de');
    expect(matchLocale('es-419')).to.equal('es');
    expect(matchLocale('tr')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
  });

  it('takes the element’s own lang, then its ancestors’, then <html lang>, else German', async () => {
    const tree = await fixture<HTMLElement>(html`<section lang="fr"><div><span id="inner"></span><span id="own" lang="pt-BR"></span></div></section>`);
    expect(resolveLocale(tree.querySelector('#inner')!)).to.equal('fr');
    expect(resolveLocale(tree.querySelector('#own')!)).to.equal('pt');
    const plain = await fixture<HTMLElement>(html`<span></span>`);
    document.documentElement.lang = 'en-GB';
    expect(resolveLocale(plain)).to.equal('en');
    document.documentElement.lang = 'tr';
    expect(resolveLocale(plain)).to.equal('de');
  });

  it('formats with the page’s region where it names one, else Latin American Spanish and Brazilian Portuguese', async () => {
    const tree = await fixture<HTMLElement>(html`<div>
      <span lang="fr-CA"></span><span lang="es"></span><span lang="pt"></span><span lang="en"></span>
      <span lang="es-MX"></span><span lang="tr"></span><span lang="de-AT"></span></div>`);
    const tags = [...tree.querySelectorAll('span')].map(resolveIntlLocale);
    expect(tags).to.deep.equal(['fr-CA', 'es-419', 'pt-BR', 'en-GB', 'es-MX', 'de-DE', 'de-AT']);
  });

  it('crosses shadow roots to the host’s lang', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="es"></div>`);
    const inner = document.createElement('span');
    host.attachShadow({mode: 'open'}).append(inner);
    expect(resolveLocale(inner)).to.equal('es');
  });

  it('lets the host choose with setLocale, below any lang under <html>', async () => {
    const plain = await fixture<HTMLElement>(html`<span></span>`);
    await setLocale('fr-CA');
    expect(getLocale()).to.equal('fr');
    expect(resolveLocale(plain)).to.equal('fr');
    const marked = await fixture<HTMLElement>(html`<span lang="en"></span>`);
    expect(resolveLocale(marked)).to.equal('en');
    await setLocale('xx');
    expect(getLocale()).to.equal('de');
  });

  it('renders two elements in two languages side by side, and follows setLocale live', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <kp-countdown lang="en" deadline="2099-03-31"></kp-countdown>
      <kp-countdown lang="fr" deadline="2099-03-31"></kp-countdown>
      <kp-countdown deadline="2099-03-31"></kp-countdown>
    </div>`);
    const [en, fr, plain] = [...wrap.querySelectorAll('kp-countdown')];
    await Promise.all([en.updateComplete, fr.updateComplete, plain.updateComplete]);
    expect(shadowText(en, '[part=label]')).to.equal('Time left');
    expect(shadowText(fr, '[part=label]')).to.equal('Temps restant');
    expect(shadowText(plain, '[part=label]')).to.equal('Verbleibende Zeit');
    await setLocale('es');
    await plain.updateComplete;
    expect(shadowText(plain, '[part=label]')).to.equal('Tiempo restante');
    expect(shadowText(en, '[part=label]')).to.equal('Time left');
  });

  it('follows a lang change live inside shadow roots: its own, its host’s in the shadow root above, nested two deep', async () => {
    // <div> ─ #shadow ─ <section> ─ <x-inner> ─ #shadow ─ <kp-countdown>
    const outer = await fixture<HTMLElement>(html`<div></div>`);
    const section = outer.attachShadow({mode: 'open'}).appendChild(document.createElement('section'));
    const inner = section.appendChild(document.createElement('div'));
    const el = inner.attachShadow({mode: 'open'}).appendChild(document.createElement('kp-countdown'));
    el.setAttribute('deadline', '2099-03-31');
    await el.updateComplete;
    const label = () => shadowText(el, '[part=label]');
    expect(label()).to.equal('Verbleibende Zeit');
    const settle = async () => {
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
    };
    el.setAttribute('lang', 'en');
    await settle();
    expect(label(), 'its own lang, inside the inner shadow root').to.equal('Time left');
    el.removeAttribute('lang');
    section.setAttribute('lang', 'fr');
    await settle();
    expect(label(), 'an ancestor in the outer shadow root').to.equal('Temps restant');
    section.removeAttribute('lang');
    outer.setAttribute('lang', 'es');
    await settle();
    expect(label(), 'the outer host in the document').to.equal('Tiempo restante');
    outer.removeAttribute('lang');
    await settle();
    expect(label()).to.equal('Verbleibende Zeit');
  });

  it('answers msg() as written (tests) as the build’s numbered msg(n, …values) does, in all five languages', () => {
    // The build (scripts/msg-ids.mjs) turns msg(str`Frist: ${label}`) into msgById(n, label).
    const n = packed.split(SEP).indexOf('Frist: {0}') / LOCALES.length;
    const label = 'Antrag';
    const written = LOCALES.map((l) => inLocale(l, () => msg(str`Frist: ${label}`)));
    expect(written).to.deep.equal(LOCALES.map((l) => inLocale(l, () => msgById(n, label))));
    expect(written).to.deep.equal(['Frist: Antrag', 'Deadline: Antrag', 'Date limite : Antrag', 'Fecha límite: Antrag', 'Prazo: Antrag']);
    // Values in the translation's order; a text not in the table (not yet extracted) stays German.
    expect(inLocale('fr', () => msg(str`${'A'}: noch ${'B'}.`))).to.equal('A : encore B.');
    // msg under a plain function type, so that `lit-localize extract` leaves the text out of the catalogue.
    const notExtracted = msg as (text: string) => string;
    expect(inLocale('en', () => notExtracted('Nicht im Katalog'))).to.equal('Nicht im Katalog');
  });
});
