import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/countdown/define.js';
import {$, captureConsole, fixClock, shadowText} from '../helpers.js';

const DEADLINE = '2022-03-31T23:59:59+02:00';

describe('<kp-countdown>', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  const restoreClock = () => {
    clock?.restore();
    clock = undefined;
  };
  afterEach(restoreClock);

  async function make(attrs: string, at = '2022-03-29T10:00:00+02:00', lang = 'de') {
    restoreClock();
    clock = fixClock(at);
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang=${lang} .innerHTML=${`<kp-countdown ${attrs}><p>Fallback</p></kp-countdown>`}></div>`,
    );
    const el = wrap.querySelector('kp-countdown')!;
    await el.updateComplete;
    return el;
  }

  it('shows days, hours, minutes and seconds left, and the deadline in words', async () => {
    const el = await make(`deadline="${DEADLINE}" label="Interessensbekundung"`);
    expect(el.remaining).to.equal(2 * 86_400_000 + 13 * 3_600_000 + 59 * 60_000 + 59_000);
    const numbers = [...el.shadowRoot!.querySelectorAll('[part=number]')].map((n) => n.textContent);
    expect(numbers).to.deep.equal(['2', '13', '59', '59']);
    const words = [...el.shadowRoot!.querySelectorAll('[part=word]')].map((n) => n.textContent);
    expect(words).to.deep.equal(['Tage', 'Stunden', 'Minuten', 'Sekunden']);
    const deadline = shadowText(el, '[part=deadline]');
    expect(deadline).to.contain('Donnerstag, 31. März 2022, 23:59 Uhr');
    expect(deadline).to.contain('Mitteleuropäische Sommerzeit');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2022-03-31T21:59:59.000Z');
    expect(shadowText(el, '[part=label]')).to.equal('Interessensbekundung');
  });

  it('uses singular forms where the number is one', async () => {
    const el = await make(`deadline="${DEADLINE}"`, '2022-03-30T22:58:58+02:00');
    const words = [...el.shadowRoot!.querySelectorAll('[part=word]')].map((n) => n.textContent);
    expect(words).to.deep.equal(['Tag', 'Stunde', 'Minute', 'Sekunde']);
  });

  it('tells screen readers a whole sentence and hides the ticking digits', async () => {
    const el = await make(`deadline="${DEADLINE}" label="Interessensbekundung"`);
    expect($(el, '[part=digits]').getAttribute('aria-hidden')).to.equal('true');
    expect(shadowText(el, '.visually-hidden')).to.equal('Interessensbekundung: noch 2 Tage, 13 Stunden und 59 Minuten.');
    const status = $(el, '[role=status]');
    clock!.tick(1000);
    await el.updateComplete;
    expect(status.textContent!.trim()).to.equal('', 'nothing announced while ticking');
  });

  it('ticks each second, aligned to the second', async () => {
    const el = await make(`deadline="${DEADLINE}"`, '2022-03-31T23:59:50.400+02:00');
    const seconds = () => el.shadowRoot!.querySelectorAll('[part=number]')[3].textContent;
    expect(seconds()).to.equal('8');
    clock!.tick(650);
    await el.updateComplete;
    expect(seconds()).to.equal('7');
    clock!.tick(1000);
    await el.updateComplete;
    expect(seconds()).to.equal('6');
  });

  it('writes only the seconds each second, and updates the rest once a minute', async () => {
    // 2 days, 13 hours, 59 minutes and 3.6 seconds left.
    const el = await make(`deadline="${DEADLINE}" label="Interessensbekundung"`, '2022-03-29T10:00:55.400+02:00');
    const numbers = () => [...el.shadowRoot!.querySelectorAll('[part=number]')].map((n) => n.textContent);
    const sentence = () => shadowText(el, '.visually-hidden');
    const render = sinon.spy(el as unknown as {render(): unknown}, 'render');
    try {
      expect(numbers()).to.deep.equal(['2', '13', '59', '3']);
      clock!.tick(700);
      await el.updateComplete;
      expect(numbers()).to.deep.equal(['2', '13', '59', '2']);
      clock!.tick(2000);
      await el.updateComplete;
      expect(numbers()).to.deep.equal(['2', '13', '59', '0']);
      expect(render.callCount).to.equal(0, 'no update within the minute');
      expect(sentence()).to.equal('Interessensbekundung: noch 2 Tage, 13 Stunden und 59 Minuten.');
      clock!.tick(1000);
      await el.updateComplete;
      expect(numbers()).to.deep.equal(['2', '13', '58', '59']);
      expect(render.callCount).to.equal(1, 'one update when the minutes change');
      expect(sentence()).to.equal('Interessensbekundung: noch 2 Tage, 13 Stunden und 58 Minuten.');
    } finally {
      render.restore();
    }
  });

  it('shows the current seconds again when they are resumed', async () => {
    const el = await make(`deadline="${DEADLINE}"`, '2022-03-29T10:00:55.400+02:00');
    const pause = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.hasAttribute('aria-pressed'))!;
    pause.click();
    await el.updateComplete;
    clock!.tick(20_000);
    await el.updateComplete;
    pause.click();
    await el.updateComplete;
    const numbers = [...el.shadowRoot!.querySelectorAll('[part=number]')].map((n) => n.textContent);
    expect(numbers).to.deep.equal(['2', '13', '58', '43']);
  });

  it('expires at zero: attribute, property, event once, message and announcement', async () => {
    const el = await make(`deadline="${DEADLINE}" label="Interessensbekundung"`, '2022-03-31T23:59:56+02:00');
    let events = 0;
    el.addEventListener('kp-expired', () => events++);
    expect(el.expired).to.equal(false);
    clock!.tick(2500);
    await el.updateComplete;
    expect(el.expired).to.equal(false);
    clock!.tick(600);
    await el.updateComplete;
    expect(el.expired).to.equal(true);
    expect(el.hasAttribute('expired')).to.equal(true);
    expect(el.remaining).to.equal(0);
    clock!.tick(5000);
    await el.updateComplete;
    expect(el.remaining).to.equal(0, 'never negative');
    expect(events).to.equal(1);
    expect(shadowText(el, '[part=expired]')).to.equal('Die Frist „Interessensbekundung“ ist abgelaufen.');
    expect(shadowText(el, '[role=status]')).to.equal('Die Frist „Interessensbekundung“ ist abgelaufen.');
    expect(el.shadowRoot!.querySelector('[part=digits]')).to.equal(null);
  });

  it('fires kp-expired once the page shows the expiry', async () => {
    const el = await make(`deadline="${DEADLINE}" label="Interessensbekundung"`, '2022-03-31T23:59:58+02:00');
    const seen: [string, string, boolean][] = [];
    el.addEventListener('kp-expired', () =>
      seen.push([shadowText(el, '[part=expired]'), shadowText(el, '[role=status]'), !el.shadowRoot!.querySelector('[part=digits]')]),
    );
    clock!.tick(1100);
    await el.updateComplete;
    clock!.tick(1000);
    await el.updateComplete;
    const message = 'Die Frist „Interessensbekundung“ ist abgelaufen.';
    expect(seen).to.deep.equal([[message, message, true]]);
  });

  it('shows a past deadline as passed at once, without an event or announcement', async () => {
    const el = await make(`deadline="2022-03-31"`, '2026-11-25T12:00:00+01:00');
    expect(el.expired).to.equal(true);
    expect(el.hasAttribute('expired')).to.equal(true);
    expect(shadowText(el, '[part=expired]')).to.equal('Die Frist ist abgelaufen.');
    expect(shadowText(el, '[role=status]')).to.equal('');
    expect(shadowText(el, '[part=deadline]')).to.contain('Donnerstag, 31. März 2022, 23:59 Uhr');
  });

  const languages: [string, string[], string, string][] = [
    ['en', ['days', 'hours', 'minutes', 'seconds'], 'Thursday', 'Central European Summer Time'],
    ['fr', ['jours', 'heures', 'minutes', 'secondes'], 'jeudi', 'été'],
    ['es', ['días', 'horas', 'minutos', 'segundos'], 'jueves', 'verano'],
    ['pt', ['dias', 'horas', 'minutos', 'segundos'], 'quinta-feira', 'Verão'],
    ['fr-CA', ['jours', 'heures', 'minutes', 'secondes'], 'jeudi', 'heure avancée'], // Canadian French wording from Intl
    ['tr', ['Tage', 'Stunden', 'Minuten', 'Sekunden'], 'Donnerstag', 'Sommerzeit'],
  ];
  for (const [lang, words, weekday, zone] of languages) {
    it(`speaks ${lang === 'tr' ? 'German for an unknown language (tr)' : lang}`, async () => {
      const el = await make(`deadline="${DEADLINE}" label="X"`, '2022-03-29T10:00:00+02:00', lang);
      const shown = [...el.shadowRoot!.querySelectorAll('[part=word]')].map((n) => n.textContent);
      expect(shown).to.deep.equal(words);
      expect(shadowText(el, '[part=deadline]')).to.contain(weekday).and.to.contain(zone);
      expect(shadowText(el, '[part=deadline]')).not.to.contain('MESZ');
    });
  }

  it('follows a change of lang live', async () => {
    const el = await make(`deadline="${DEADLINE}"`);
    el.parentElement!.setAttribute('lang', 'es');
    await new Promise((r) => queueMicrotask(() => r(null)));
    await el.updateComplete;
    expect(shadowText(el, '[part=label]')).to.equal('Tiempo restante');
  });

  it('names the visitor’s own time when the zone differs', async () => {
    const el = await make(`deadline="${DEADLINE}"`);
    // The test browser runs in America/New_York: 17:59 EDT.
    expect(shadowText(el, '[part=local-time]')).to.contain('17:59').and.to.contain('Nordamerikanische');
  });

  it('pauses the seconds (WCAG 2.2.2) and keeps days, hours and minutes', async () => {
    const el = await make(`deadline="${DEADLINE}"`);
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.hasAttribute('aria-pressed'))!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('[part=unit]').length).to.equal(3);
  });

  it('reports a bad deadline once, keeps the fallback and does not throw', async () => {
    const log = captureConsole();
    try {
      const el = await make(`deadline="31.03.2022"`);
      el.label = 'again';
      await el.updateComplete;
      expect(log.errors.length).to.equal(1);
      expect(log.errors[0]).to.contain('<kp-countdown>').and.to.contain('deadline').and.to.contain('31.03.2022');
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
      expect(el.expired).to.equal(false);
      expect(el.remaining).to.equal(0);
    } finally {
      log.restore();
    }
  });

  it('reports a bad time zone and a missing deadline', async () => {
    const log = captureConsole();
    try {
      await make(`deadline="2022-03-31T23:59" time-zone="Mars/Olympus"`);
      await make(``);
      expect(log.errors.length).to.equal(2);
      expect(log.errors[0]).to.contain('time-zone').and.to.contain('Mars/Olympus');
      expect(log.errors[1]).to.contain('deadline').and.to.contain('missing');
    } finally {
      log.restore();
    }
  });

  it('is accessible while running and after expiry', async () => {
    const running = await make(`deadline="${DEADLINE}" label="Interessensbekundung"`);
    restoreClock();
    await expect(running).to.be.accessible();
    const expired = await make(`deadline="2022-03-31"`, '2026-11-25T12:00:00Z');
    restoreClock();
    await expect(expired).to.be.accessible();
  });
});

describe('<kp-countdown> layout', () => {
  it('does not shift while the digits and their words change', async () => {
    const clock = fixClock('2022-03-31T23:59:47.500+02:00');
    try {
      const el = await fixture<HTMLElement>(html`<kp-countdown deadline="2022-04-01T23:59:59+02:00"></kp-countdown>`);
      const boxes = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=unit]')].map((u) => u.getBoundingClientRect().width);
      const height = el.getBoundingClientRect().height;
      const before = boxes();
      for (let i = 0; i < 12; i++) {
        clock.tick(1000); // 11 → 1 second ("Sekunden" → "Sekunde") and 0
        await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
        expect(boxes()).to.deep.equal(before);
        expect(el.getBoundingClientRect().height).to.equal(height);
      }
    } finally {
      clock.restore();
    }
  });
});
