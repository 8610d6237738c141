/**
 * <kp-share> in real browsers: the links each network receives (awkward titles
 * and URLs), the clipboard granted and refused, the share sheet where the
 * browser has the Web Share API (and where it has not), the Mastodon form,
 * five languages, hostile attributes, axe in every state, and that nothing is
 * requested or stored before a click.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys, sendMouse} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/share/define.js';
import type {KpShare} from '../../src/share/share.js';
import {$, captureConsole, shadowText, until, type ConsoleCapture} from '../helpers.js';

/** A title and a URL with everything that breaks careless links: spaces, umlauts, &, #, +, quotes. */
const TITLE = 'Klima & Partnerschaft #1: Städte "grün" + 100 %';
const RAW_URL = 'https://example.org/seite?a=1&b=zwei wörter#teil 2';
const URL_ = new URL(RAW_URL).href; // as the browser writes it: https://example.org/seite?a=1&b=zwei%20w%C3%B6rter#teil%202

async function make(attrs: Record<string, string> = {}, {lang = 'de', fallback = '<p>Fallback</p>'} = {}): Promise<KpShare> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('kp-share');
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.innerHTML = fallback;
  wrap.append(el);
  await el.updateComplete;
  return el;
}

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** The words a sighted visitor reads on a button or link (without visually hidden ones). */
const shown = (e: Element) =>
  [...e.childNodes]
    .map((n) => (n instanceof Text || (n instanceof Element && !n.matches('.visually-hidden')) ? n.textContent : ''))
    .join('')
    .trim();
/** The words a screen reader reads (all text; the icons are aria-hidden and have none). */
const spoken = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
const link = (el: Element, text: string) => all(el, 'a').find((a) => shown(a) === text) as HTMLAnchorElement;
const button = (el: Element, text: string) => all(el, 'button').find((b) => shown(b) === text)!;
const events = (el: Element) => {
  const methods: string[] = [];
  document.addEventListener('kp-share', (e) => e.composedPath()[0] === el && methods.push(e.detail.method));
  return methods;
};
/** The texts `node` holds at each change from now on, with when (a screen reader speaks a live region's changes). */
function watch(node: Node) {
  const seen: [string, number][] = [];
  const observer = new MutationObserver(() => seen.push([node.textContent!.replace(/\s+/g, ' ').trim(), performance.now()]));
  observer.observe(node, {childList: true, characterData: true, subtree: true});
  return Object.assign(seen, {stop: () => observer.disconnect()});
}
/** Clicks a link without leaving the page (a click on the real element; the navigation itself is cancelled). */
function clickWithoutLeaving(a: HTMLElement | undefined) {
  if (!a) throw new Error('no such link'); // before the listener: a lingering one would let a later click leave the page
  const stop = (e: Event) => e.preventDefault();
  document.addEventListener('click', stop, {capture: true, once: true});
  a.click();
}
/**
 * Clicks link `a` and answers the address the browser would follow: read in the
 * click's last listener (on window, after every other), which then cancels the navigation.
 */
function hrefAtClick(a: HTMLAnchorElement | undefined): string {
  if (!a) throw new Error('no such link');
  let href = '';
  window.addEventListener('click', (e) => ((href = (e.composedPath()[0] as HTMLAnchorElement).href), e.preventDefault()), {once: true});
  a.click();
  return href;
}
/** Moves this page to `path` as a single-page app does (no load, no event), with a new title; `back()` returns. */
function spaMove(path: string, title: string) {
  const [was, wasTitle] = [location.href, document.title];
  history.pushState(null, '', path);
  document.title = title;
  return {back: () => (history.replaceState(null, '', was), (document.title = wasTitle))};
}
/** A real pointer click at the element's centre (user activation, as a visitor's click). */
async function realClick(target: HTMLElement) {
  const r = target.getBoundingClientRect();
  await sendMouse({type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]});
}

describe('<kp-share>', () => {
  let log: ConsoleCapture | undefined;
  afterEach(() => {
    log?.restore();
    log = undefined;
    sinon.restore();
    document.querySelector('link[rel=canonical]')?.remove();
  });

  it('shares the page by default: its canonical URL, else its own address, and its title', async () => {
    const el = await make();
    const mail = new URL(link(el, 'E-Mail').href);
    expect(mail.protocol).to.equal('mailto:');
    expect(new URLSearchParams(mail.search).get('subject')).to.equal(document.title);
    expect(new URLSearchParams(mail.search).get('body')).to.equal(`Lesetipp: ${document.title}\r\n${location.href}`);
    const canonical = Object.assign(document.createElement('link'), {rel: 'canonical', href: '/programm/klimapartnerschaften'});
    document.head.append(canonical);
    const again = await make();
    expect(new URLSearchParams(new URL(link(again, 'E-Mail').href).search).get('body')).to.equal(
      `Lesetipp: ${document.title}\r\n${location.origin}/programm/klimapartnerschaften`,
    );
  });

  it('shows copy and e-mail, no networks by default, and hides the fallback after upgrade', async () => {
    const el = await make();
    const labels = all(el, 'button, a, summary').map((b) => b.textContent!.trim());
    expect(labels).to.deep.equal([...('share' in navigator ? ['Teilen'] : []), 'Link kopieren', 'E-Mail']);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('p')!.checkVisibility()).to.equal(false, 'fallback not shown after upgrade');
    expect(el.shadowRoot!.querySelector('[style]')).to.equal(null, 'no inline styles (strict CSP)');
    for (const svg of all(el, 'svg')) expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '[part=base]').getAttribute('title')).to.equal('', 'the host title attribute gives no tooltip over the buttons');
  });

  it('links each network to its own share page with the URL and title intact', async () => {
    const el = await make({url: RAW_URL, title: TITLE, networks: 'linkedin mastodon bluesky facebook whatsapp threema x'});
    const names = all(el, '.actions > a, .actions summary').map(shown);
    expect(names).to.deep.equal(['E-Mail', 'LinkedIn', 'Mastodon', 'Bluesky', 'Facebook', 'WhatsApp', 'Threema', 'X'], 'in the order given');
    const text = `${TITLE} ${URL_}`;
    const expected: [string, string, Record<string, string>][] = [
      ['LinkedIn', 'https://www.linkedin.com/sharing/share-offsite/', {url: URL_}],
      ['Bluesky', 'https://bsky.app/intent/compose', {text}],
      ['Facebook', 'https://www.facebook.com/sharer/sharer.php', {u: URL_}],
      ['WhatsApp', 'https://wa.me/', {text}],
      ['Threema', 'https://threema.id/compose', {text}],
      ['X', 'https://x.com/intent/post', {text: TITLE, url: URL_}],
    ];
    for (const [name, endpoint, params] of expected) {
      const a = link(el, name);
      const href = new URL(a.href);
      expect(href.origin + href.pathname, name).to.equal(endpoint);
      expect(Object.fromEntries(href.searchParams), name).to.deep.equal(params);
      expect(href.hash, `${name}: the shared URL's # stays inside the parameter`).to.equal('');
      expect(a.target, name).to.equal('_blank');
      expect(a.rel, name).to.equal('noopener noreferrer');
    }
    const mail = new URLSearchParams(new URL(link(el, 'E-Mail').href).search);
    expect(mail.get('subject')).to.equal(TITLE);
    expect(mail.get('body')).to.equal(`Lesetipp: ${TITLE}\r\n${URL_}`);
    expect(link(el, 'E-Mail').hasAttribute('target')).to.equal(false, 'mailto: opens the mail program, not a tab');
  });

  it('fires kp-share with the way the visitor chose (e-mail, a network)', async () => {
    const el = await make({networks: 'linkedin x'});
    const methods = events(el);
    let composed = false;
    document.addEventListener('kp-share', (e) => (composed = e.composed && e.bubbles), {once: true});
    clickWithoutLeaving(link(el, 'E-Mail'));
    clickWithoutLeaving(link(el, 'LinkedIn'));
    clickWithoutLeaving(link(el, 'X'));
    expect(methods).to.deep.equal(['email', 'linkedin', 'x']);
    expect(composed).to.equal(true);
  });

  it('says in words, not only by an icon, that a network opens in a new window', async () => {
    const el = await make({networks: 'linkedin mastodon x'});
    $(el, 'summary').click();
    await el.updateComplete;
    const away = [...all(el, 'a[target=_blank]'), $(el, 'form button')];
    expect(away.map(spoken)).to.deep.equal(['LinkedIn (öffnet neues Fenster)', 'X (öffnet neues Fenster)', 'Teilen (öffnet neues Fenster)']);
    for (const e of away) {
      const words = e.querySelector('.visually-hidden')!;
      expect(words.closest('[aria-hidden]'), spoken(e)).to.equal(null, 'read by screen readers');
      expect(words.getBoundingClientRect().width, spoken(e)).to.be.at.most(1, 'visually hidden: the button keeps its look');
    }
    expect(spoken(link(el, 'E-Mail'))).to.equal('E-Mail', 'the mail program is no new window');
    await expect(el).to.be.accessible();
  });

  describe('the clipboard', () => {
    after(() => executeServerCommand('kp-clipboard', {reset: true}));

    it('refused: shows the link in a selected read-only field with a label, focused', async () => {
      // Chromium: permission refused. Firefox: a click from a script is no visitor's gesture, so Firefox
      // refuses (this test runs before any real click of this file, so no activation lingers).
      await executeServerCommand('kp-clipboard', {grant: false});
      await until(() => !navigator.userActivation?.isActive, 10_000, 'no lingering user activation');
      const el = await make({url: RAW_URL});
      const methods = events(el);
      button(el, 'Link kopieren').click();
      await until(() => !!el.shadowRoot!.querySelector('input'), 3000, 'the link field');
      const field = el.shadowRoot!.querySelector('input')!;
      expect(field.readOnly).to.equal(true);
      expect(field.value).to.equal(URL_);
      expect(el.shadowRoot!.activeElement).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, URL_.length]);
      expect(field.labels![0].textContent).to.equal('Link kopieren');
      expect(shadowText(el, '[role=status]')).to.equal('');
      expect(methods).to.deep.equal(['copy']);
      await expect(el).to.be.accessible();
    });

    it('granted: copies the URL, says so in a live region, fires kp-share copy', async () => {
      const chromium = await executeServerCommand('kp-clipboard', {grant: true});
      const el = await make({url: RAW_URL});
      const methods = events(el);
      // A real click: Firefox lets a page write to the clipboard only from a visitor's gesture.
      await realClick(button(el, 'Link kopieren'));
      await until(() => shadowText(el, '[role=status]') === 'Link kopiert.', 3000, '"Link kopiert."');
      expect(methods).to.deep.equal(['copy']);
      expect(el.shadowRoot!.querySelector('input')).to.equal(null, 'no field when the copy worked');
      if (chromium) expect(await navigator.clipboard.readText()).to.equal(URL_);
      else {
        // Firefox: paste what was copied into a field of the page, as a visitor would. (WebKit's
        // WebDriver here takes no held modifier key: there the status, event and missing field above say it.)
        const target = document.createElement('textarea');
        document.body.append(target);
        target.focus();
        const chord = await sendKeys({down: 'Control'}).then(() => true, () => false);
        if (chord) {
          await sendKeys({press: 'v'});
          await sendKeys({up: 'Control'});
          expect(target.value).to.equal(URL_);
        }
        target.remove();
      }
      await expect(el).to.be.accessible();
    });

    it('copies the address of the page the visitor is on at the click (a single-page host\'s pushState)', async () => {
      const chromium = await executeServerCommand('kp-clipboard', {grant: true});
      const el = await make();
      const moved = spaMove('/programm/neue-seite?a=1#teil', 'Neue Seite');
      const copied = sinon.spy(navigator.clipboard, 'writeText'); // passes the text on to the real clipboard
      try {
        await realClick(button(el, 'Link kopieren'));
        await until(() => shadowText(el, '.status') === 'Link kopiert.', 3000, '"Link kopiert."');
        const now = `${location.origin}/programm/neue-seite?a=1#teil`;
        expect(copied.firstCall.args).to.deep.equal([now]);
        if (chromium) expect(await navigator.clipboard.readText()).to.equal(now);
      } finally {
        moved.back();
      }
    });

    it('says "Link kopiert." again on every copy: the live region is empty for a moment, then says it', async () => {
      await executeServerCommand('kp-clipboard', {grant: true});
      const el = await make({url: RAW_URL});
      const status = $(el, '.status');
      await realClick(button(el, 'Link kopieren'));
      await until(() => shadowText(el, '.status') === 'Link kopiert.', 3000, 'the first confirmation');
      const seen = watch(status);
      await realClick(button(el, 'Link kopieren'));
      await until(() => seen.length >= 2 && seen.at(-1)![0] === 'Link kopiert.', 3000, 'the second confirmation');
      seen.stop();
      const texts = seen.map(([text]) => text);
      expect(texts).to.deep.equal(['', 'Link kopiert.'], 'cleared, then said again');
      expect(seen[1][1] - seen[0][1]).to.be.at.least(16, 'empty for at least a frame');
      await expect(el).to.be.accessible();
    });
  });

  describe('the share sheet (Web Share API)', () => {
    it('absent (desktop Chromium on Linux, Firefox): no "Teilen" button, the other ways remain', async function () {
      if ('share' in navigator) this.skip();
      const el = await make({networks: 'facebook'});
      expect(button(el, 'Teilen')).to.equal(undefined);
      expect(link(el, 'Facebook')).to.not.equal(undefined);
    });

    it('present: "Teilen" opens the sheet with title and URL; a cancelled sheet fires nothing', async function () {
      // Test harness, clearly: these headless browsers have no Web Share API. Where it is
      // absent we give navigator one that records the call and answers as a sheet would
      // (resolve when shared, AbortError when the visitor closes it). Never where it exists.
      if ('share' in navigator) this.skip();
      const calls: ShareData[] = [];
      let answer: 'shared' | 'cancelled' = 'shared';
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          calls.push(data);
          if (answer === 'cancelled') throw new DOMException('Share canceled', 'AbortError');
        },
      });
      try {
        const el = await make({url: RAW_URL, title: TITLE});
        const methods = events(el);
        const share = button(el, 'Teilen');
        expect(all(el, 'button')[0]).to.equal(share, 'first');
        share.click();
        await until(() => methods.length > 0, 3000, 'kp-share native');
        expect(calls).to.deep.equal([{title: TITLE, url: URL_}]);
        expect(methods).to.deep.equal(['native']);
        answer = 'cancelled';
        share.click();
        await until(() => calls.length === 2);
        await new Promise((r) => setTimeout(r, 50));
        expect(methods).to.deep.equal(['native'], 'nothing when the visitor closes the sheet');
        await expect(el).to.be.accessible();
        // A single-page host moved on: the sheet gets the page the visitor is on (this one had url and title set).
        const spa = await make();
        const moved = spaMove('/programm/neue-seite', 'Neue Seite');
        answer = 'shared';
        try {
          button(spa, 'Teilen').click();
          await until(() => calls.length === 3);
          expect(calls[2]).to.deep.equal({title: 'Neue Seite', url: `${location.origin}/programm/neue-seite`});
        } finally {
          moved.back();
        }
      } finally {
        delete (navigator as {share?: unknown}).share;
      }
    });
  });

  describe('Mastodon', () => {
    it('asks for the visitor\'s server, checks it, and opens its share page in a new tab', async () => {
      const el = await make({url: RAW_URL, title: TITLE, networks: 'mastodon'});
      const methods = events(el);
      const open = sinon.stub(window, 'open').returns(null); // the test must not reach a real server
      const summary = $(el, 'summary');
      expect(summary.textContent).to.equal('Mastodon');
      expect(el.shadowRoot!.querySelector('details')!.open).to.equal(false);
      await expect(el).to.be.accessible();
      summary.click();
      await el.updateComplete;
      const form = $(el, 'form') as HTMLFormElement;
      expect(form.checkVisibility()).to.equal(true);
      const input = form.querySelector('input')!;
      expect(input.labels![0].textContent).to.equal('Ihr Mastodon-Server');
      await expect(el).to.be.accessible();

      for (const bad of ['', 'kein server', 'javascript:alert(1)', 'localhost', 'evil.example/path', 'https://a.example:8443']) {
        input.value = bad;
        form.requestSubmit();
        await el.updateComplete;
        await until(() => input.getAttribute('aria-invalid') === 'true', 3000, `${bad}: aria-invalid`);
        expect(shadowText(el, 'form [role=status]'), bad).to.equal('Fehler: Bitte geben Sie einen Servernamen ein.');
      }
      expect(open.called).to.equal(false);
      await expect(el).to.be.accessible();

      input.value = ' https://@anna@Social.Example.org/ ';
      form.requestSubmit();
      await el.updateComplete;
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      expect(open.callCount).to.equal(1);
      const [href, target, features] = open.firstCall.args as [string, string, string];
      const url = new URL(href);
      expect(url.origin + url.pathname).to.equal('https://social.example.org/share');
      expect(url.searchParams.get('text')).to.equal(`${TITLE} ${URL_}`);
      expect([target, features]).to.deep.equal(['_blank', 'noopener,noreferrer']);
      expect(methods).to.deep.equal(['mastodon']);

      // Kept in the page's memory only: another share element on the page offers it, nothing is stored.
      const other = await make({networks: 'mastodon'});
      $(other, 'summary').click();
      expect(($(other, 'input') as HTMLInputElement).value).to.equal(' https://@anna@Social.Example.org/ ');
      expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    });

    it('ties its error to the field: aria-describedby names it, aria-invalid is true while it shows, both go once fixed', async () => {
      const el = await make({networks: 'mastodon bluesky'});
      sinon.stub(window, 'open').returns(null);
      $(el, 'summary').click();
      await el.updateComplete;
      const form = $(el, 'form') as HTMLFormElement;
      const input = form.querySelector('input')!;
      const tied = () => [input.getAttribute('aria-invalid'), input.getAttribute('aria-describedby')];
      expect(tied()).to.deep.equal([null, null], 'nothing wrong before a try');

      input.value = 'kein server';
      form.requestSubmit();
      await until(() => input.getAttribute('aria-invalid') === 'true', 3000, 'aria-invalid');
      const error = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
      expect(error.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Fehler: Bitte geben Sie einen Servernamen ein.');
      expect(form.contains(error)).to.equal(true, 'at its field (not after the other networks)');
      expect(error.checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();

      // Tried again with another wrong name: said again (the live region goes through empty).
      const seen = watch(error);
      input.value = 'localhost';
      form.requestSubmit();
      await until(() => seen.at(-1)?.[0] === 'Fehler: Bitte geben Sie einen Servernamen ein.', 3000, 'the error again');
      seen.stop();
      expect(seen.map(([text]) => text)).to.deep.equal(['', 'Fehler: Bitte geben Sie einen Servernamen ein.']);
      expect(tied()).to.deep.equal(['true', error.id]);

      input.value = 'mastodon.social';
      form.requestSubmit();
      await el.updateComplete;
      expect(tied()).to.deep.equal([null, null], 'fixed: neither attribute left');
      expect(error.textContent!.trim()).to.equal('');
      await new Promise((r) => setTimeout(r, 150));
      expect(tied()).to.deep.equal([null, null], 'and no late error after a quick fix');
    });
  });

  describe('a single-page host (history.pushState, document.title changed, no reload)', () => {
    it('links to the page the visitor is on at the click: each network, e-mail, Mastodon', async () => {
      const el = await make({networks: 'linkedin mastodon x'});
      const open = sinon.stub(window, 'open').returns(null);
      const moved = spaMove('/programm/neue-seite?a=1#teil', 'Neue Seite');
      try {
        const now = location.href;
        expect(new URL(hrefAtClick(link(el, 'LinkedIn'))).searchParams.get('url')).to.equal(now);
        expect(Object.fromEntries(new URL(hrefAtClick(link(el, 'X'))).searchParams)).to.deep.equal({text: 'Neue Seite', url: now});
        const mail = new URLSearchParams(new URL(hrefAtClick(link(el, 'E-Mail'))).search);
        expect([mail.get('subject'), mail.get('body')]).to.deep.equal(['Neue Seite', `Lesetipp: Neue Seite\r\n${now}`]);

        $(el, 'summary').click();
        await el.updateComplete;
        history.pushState(null, '', '/programm/dritte-seite');
        const form = $(el, 'form') as HTMLFormElement;
        form.querySelector('input')!.value = 'mastodon.social';
        form.requestSubmit();
        expect(new URL(open.firstCall.args[0] as string).searchParams.get('text')).to.equal(`Neue Seite ${location.origin}/programm/dritte-seite`);

        // Before a middle click or the context menu's "open in new tab" / "copy link" (no click event): the pointer's press.
        history.pushState(null, '', '/programm/vierte-seite');
        const linkedin = link(el, 'LinkedIn');
        linkedin.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true, button: 1}));
        expect(new URL(linkedin.href).searchParams.get('url')).to.equal(`${location.origin}/programm/vierte-seite`);
      } finally {
        moved.back();
      }
    });
  });

  describe('keyboard', () => {
    it('works by keyboard: every way is a tab stop in order, the Mastodon server is typed and sent with Enter', async () => {
      const el = await make({url: 'https://example.org/', title: 'T', networks: 'linkedin mastodon'});
      const open = sinon.stub(window, 'open').returns(null);
      const methods = events(el);
      const focused = () => el.shadowRoot!.activeElement && shown(el.shadowRoot!.activeElement);
      button(el, 'Link kopieren').focus();
      const order = [focused()];
      for (let i = 0; i < 3; i++) {
        await sendKeys({press: 'Tab'});
        order.push(focused());
      }
      expect(order).to.deep.equal(['Link kopieren', 'E-Mail', 'LinkedIn', 'Mastodon']);
      // Mastodon is a <summary>: Enter and Space open it by the browser's own behaviour. Opened by a
      // click here (a key press on a summary was flaky under Firefox's driver in the full run).
      $(el, 'summary').click();
      await until(() => el.shadowRoot!.querySelector('details')!.open, 3000, 'the Mastodon form');
      await sendKeys({press: 'Tab'});
      const input = $(el, 'input') as HTMLInputElement;
      expect(el.shadowRoot!.activeElement).to.equal(input);
      input.select(); // a server typed in an earlier test is still offered (page memory): replace it
      await sendKeys({type: 'mastodon.example'});
      await sendKeys({press: 'Enter'});
      await until(() => open.called, 3000, 'window.open');
      expect(open.firstCall.args[0]).to.equal('https://mastodon.example/share?text=T%20https%3A%2F%2Fexample.org%2F');
      expect(methods).to.deep.equal(['mastodon']);
    });
  });

  const languages: [string, string[], string, string, string][] = [
    ['de', ['Link kopieren', 'E-Mail'], 'Lesetipp: T', 'Ihr Mastodon-Server', '(öffnet neues Fenster)'],
    ['en', ['Copy link', 'Email'], 'Worth reading: T', 'Your Mastodon server', '(opens in a new window)'],
    ['fr', ['Copier le lien', 'E-mail'], 'À lire : T', 'Votre serveur Mastodon', '(s’ouvre dans une nouvelle fenêtre)'],
    ['es', ['Copiar enlace', 'Correo electrónico'], 'Lectura recomendada: T', 'Su servidor de Mastodon', '(se abre en una ventana nueva)'],
    ['pt-BR', ['Copiar link', 'E-mail'], 'Leitura recomendada: T', 'Seu servidor do Mastodon', '(abre em uma nova janela)'],
    ['tr', ['Link kopieren', 'E-Mail'], 'Lesetipp: T', 'Ihr Mastodon-Server', '(öffnet neues Fenster)'],
  ];
  for (const [lang, labels, body, server, away] of languages) {
    it(`speaks ${lang}`, async () => {
      const el = await make({title: 'T', url: 'https://example.org/', networks: 'mastodon x'}, {lang});
      expect(all(el, '.actions > button, .actions > a').map((b) => b.textContent!.trim()).slice(0, 2)).to.deep.equal(labels);
      const mail = new URLSearchParams(new URL(all(el, 'a')[0].getAttribute('href')!).search);
      expect(mail.get('body')).to.equal(`${body}\r\nhttps://example.org/`);
      expect(mail.get('subject')).to.equal('T');
      expect(shadowText(el, '[part=label]')).to.equal(server);
      expect(spoken(all(el, 'a')[1])).to.equal(`X ${away}`);
      expect(spoken($(el, 'form button'))).to.equal(`${shown($(el, 'form button'))} ${away}`);
    });
  }

  it('follows a change of lang live', async () => {
    const el = await make();
    el.parentElement!.lang = 'fr';
    await until(() => shadowText(el, 'button') === 'Copier le lien', 3000, 'French');
  });

  describe('hostile and unknown attribute values', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'http://[bad', 'mailto:x@example.org']) {
      it(`url=${JSON.stringify(url)}: one console.error, and the page's own address is shared`, async () => {
        log = captureConsole();
        const el = await make({url, networks: 'linkedin whatsapp'});
        el.requestUpdate();
        await el.updateComplete;
        expect(log.errors).to.have.length(1);
        expect(log.errors[0]).to.contain('<kp-share>').and.contain('"url"').and.contain(JSON.stringify(url));
        expect(new URL(link(el, 'LinkedIn').href).searchParams.get('url')).to.equal(location.href);
        for (const a of all(el, 'a')) expect(a.getAttribute('href')).to.match(/^(https:\/\/|mailto:\?)/);
      });
    }

    it('unknown networks: one console.error, the known ones shown once each', async () => {
      log = captureConsole();
      const el = await make({networks: ' LinkedIn myspace constructor __proto__ toString linkedin  x '});
      el.requestUpdate();
      await el.updateComplete;
      expect(all(el, '.actions > a').map(shown)).to.deep.equal(['E-Mail', 'LinkedIn', 'X']);
      expect(log.errors).to.have.length(1);
      expect(log.errors[0]).to.contain('<kp-share>').and.contain('"networks"').and.contain('myspace');
    });

    it('huge and markup-laden values are text, and the element keeps working', async () => {
      log = captureConsole();
      const title = '<img src=x onerror="window.__pwn=1">'.repeat(5000);
      const url = `https://example.org/?q=${'ä'.repeat(50_000)}`;
      const el = await make({title, url, networks: 'x '.repeat(10_000) + 'bluesky'});
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as {__pwn?: number}).__pwn).to.equal(undefined);
      expect(new URL(link(el, 'X').href).searchParams.get('text')).to.equal(title);
      expect(new URL(link(el, 'Bluesky').href).searchParams.get('text')).to.equal(`${title} ${new URL(url).href}`);
      expect(log.errors).to.deep.equal([]);
    });

    it('a title with a lone surrogate, and properties set to numbers or arrays: no exception, shared as text', async () => {
      log = captureConsole();
      const el = await make({url: 'https://example.org/a', networks: 'whatsapp'});
      el.title = 'Klima\uD800partner';
      await el.updateComplete;
      expect(new URL(link(el, 'WhatsApp').href).searchParams.get('text')).to.equal('Klimapartner https://example.org/a');
      (el as unknown as {title: unknown}).title = 2027;
      (el as unknown as {networks: unknown}).networks = ['bluesky'];
      await el.updateComplete;
      expect(el.title).to.equal('2027');
      expect(new URL(link(el, 'Bluesky').href).searchParams.get('text')).to.equal('2027 https://example.org/a');
      expect(log.errors).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null, 'rendered, not the fallback');
    });

    it('properties work like the attributes; removing an attribute returns to the default', async () => {
      const el = await make({url: 'https://example.org/a', title: 'A', networks: 'x'});
      el.networks = 'facebook';
      el.title = 'B';
      await el.updateComplete;
      expect(link(el, 'Facebook')).to.not.equal(undefined);
      expect(new URLSearchParams(new URL(link(el, 'E-Mail').href).search).get('subject')).to.equal('B');
      el.removeAttribute('url');
      await el.updateComplete;
      expect(new URL(link(el, 'Facebook').href).searchParams.get('u')).to.equal(location.href);
    });
  });

  it('requests nothing and stores nothing before a click', async () => {
    const resources: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => resources.push(e.name)));
    observer.observe({type: 'resource'});
    // Both recorders see a request when there is one.
    await executeServerCommand('kp-requests', {start: true});
    await fetch('/package.json?probe');
    await until(() => resources.some((r) => r.endsWith('?probe')), 3000, 'the probe in resource timing');
    // The driver's recorder (false where the driver has none: WebKit through WebDriver; resource timing still counts there).
    const probed = (await executeServerCommand('kp-requests')) as string[] | false;
    if (probed) expect(probed.some((r) => r.endsWith('?probe'))).to.equal(true);
    resources.length = 0;

    const before = [localStorage.length, sessionStorage.length, document.cookie];
    await executeServerCommand('kp-requests', {start: true});
    const el = await make({url: RAW_URL, title: TITLE, networks: 'linkedin mastodon bluesky facebook whatsapp threema x'});
    $(el, 'summary').click(); // opening the Mastodon form is no request either
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    const requests = (await executeServerCommand('kp-requests')) as string[] | false;
    observer.disconnect();
    if (probed) expect(requests).to.deep.equal([]);
    expect(resources).to.deep.equal([]);
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal(before);
  });

  it('is accessible with every network listed', async () => {
    await expect(await make({networks: 'linkedin mastodon bluesky facebook whatsapp threema x'})).to.be.accessible();
    await expect(await make({networks: 'x'}, {lang: 'en'})).to.be.accessible();
  });
});
