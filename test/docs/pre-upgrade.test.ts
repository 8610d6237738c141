/**
 * The pre-upgrade CSS the snippet builder writes (demo/docs/js/pre-upgrade.js, also in
 * docs/embedding.md): on a plain page with the default styles, every element holds, before
 * the file has run, the box it has once rendered, so nothing below it moves (layout shift 0),
 * on a wide page and on a phone. The elements stay undefined until the test imports the
 * file, after measuring their reserved boxes.
 */
import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';

// The builder's own module as the documentation site serves it (built by `npm run build:docs`; plain JS, no types).
const rulesUrl: string = '/demo/docs/js/pre-upgrade.js';
const {PRE_UPGRADE, preUpgradeRules} = (await import(rulesUrl)) as {
  PRE_UPGRADE: Record<string, [string, string]>;
  preUpgradeRules: (tags: string[]) => string[];
};

// As the builder writes them (fallback text inside), the interest form with its deadline.
const MARKUP = `
<kp-countdown deadline="2030-03-31" label="Interessensbekundung"><p>Frist: 31. März 2030</p></kp-countdown>
<kp-contact-card name="Dr. Maria Beispiel" job-title="Projektkoordination" organisation="LAG 21 NRW" phone="0231 936960-14" email="maria.beispiel@example.org"><p>Dr. Maria Beispiel</p></kp-contact-card>
<kp-newsletter-signup action="/api/submit" privacy-url="/datenschutz"><p>Newsletter per E-Mail</p></kp-newsletter-signup>
<kp-interest-form action="/api/submit" privacy-url="/datenschutz" deadline="2030-03-31" draft="off"><p>Interesse per E-Mail</p></kp-interest-form>
<kp-share networks="linkedin mastodon bluesky whatsapp threema"><p>Adresse aus der Adresszeile kopieren.</p></kp-share>
<p id="below">Darunter</p>`;

const VIEWPORTS = {wide: {width: 1280, height: 800}, phone: {width: 390, height: 844}};
type Boxes = Record<string, number>;

/** Sets the viewport; false where the driver cannot (WebKitWebDriver). */
async function resize(viewport: {width: number; height: number}): Promise<boolean> {
  try {
    await setViewport(viewport);
    return true;
  } catch {
    return false;
  }
}

/**
 * How far a box may differ from what the rules reserve: the heights are measured in Chromium; other engines'
 * font metrics differ by a pixel or two per element, which adds up down the page (a shift far below 0.01).
 */
const slack = (px: number) => Math.max(2, Math.abs(px) * 0.01);

/** Top and height of every element and the top of the paragraph below them, in px. */
function boxes(): Boxes {
  const out: Boxes = {};
  for (const el of document.querySelectorAll('body > *:not(script, style)')) {
    const r = el.getBoundingClientRect();
    out[`${el.localName || el.id} top`] = Math.round(r.top + scrollY);
    if (el.localName.startsWith('kp-')) out[`${el.localName} height`] = Math.round(r.height);
  }
  return out;
}

describe('pre-upgrade CSS of the snippet builder', () => {
  it('covers every element', () => {
    expect(Object.keys(PRE_UPGRADE).sort()).to.deep.equal(
      ['kp-contact-card', 'kp-countdown', 'kp-interest-form', 'kp-newsletter-signup', 'kp-share'],
    );
  });

  it('reserves the rendered box of every element, wide and on a phone: nothing moves when the file runs', async function () {
    // The rules are measured for 1280 and 390 px wide pages. WebKitWebDriver cannot set the viewport, and at
    // its own window (1024 px) kp-share's buttons wrap to a second row the rules do not reserve: a known gap
    // between the two sizes (docs/performance.md), so WebKit is skipped rather than judged at another width.
    if (!(await resize(VIEWPORTS.wide))) {
      console.warn('pre-upgrade test skipped: this driver cannot set the viewport');
      this.skip();
    }
    const style = document.createElement('style');
    style.textContent = preUpgradeRules(Object.keys(PRE_UPGRADE)).join('\n');
    document.head.append(style);
    document.body.insertAdjacentHTML('beforeend', MARKUP);
    const reserved: Record<string, Boxes> = {};
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await resize(viewport);
      reserved[name] = boxes();
    }
    expect(customElements.get('kp-countdown'), 'not defined while measuring the reserved boxes').to.equal(undefined);
    await import('../../src/index.js');
    const els = [...document.querySelectorAll<HTMLElement & {updateComplete: Promise<boolean>}>('body > [action], body > kp-countdown, body > kp-contact-card, body > kp-share')];
    await Promise.all(els.map((e) => e.updateComplete));
    for (const [name, viewport] of Object.entries(VIEWPORTS).reverse()) {
      await resize(viewport);
      await new Promise(requestAnimationFrame);
      const rendered = boxes();
      for (const [key, px] of Object.entries(reserved[name])) {
        expect(Math.abs(rendered[key] - px), `${name} ${viewport.width} px, ${key}: reserved ${px}, rendered ${rendered[key]}`).to.be.at.most(slack(px));
      }
    }
  });
});
