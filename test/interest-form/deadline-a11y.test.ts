import {expect} from '@open-wc/testing';
import type sinon from 'sinon';
import {faults} from '../shared/submission/receiver.js';
import {captureConsole, fixClock, until} from '../helpers.js';
import {inLocale, type Locale} from '../../src/shared/locale.js';
import {errorMessage} from '../../src/shared/form/messages.js';
import {control, fill, make, savedFile, send, text, VALID, type Form, submitted} from './helpers.js';

const DEADLINE = 'deadline="2022-03-31T23:59" time-zone="Europe/Berlin"';
const live = (el: Form) => text(el.shadowRoot!.querySelector('[aria-live]'));

describe('<kp-interest-form>: deadline', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('is open before the deadline and says until when, in words', async () => {
    clock = fixClock('2022-03-29T10:00:00+02:00');
    const el = await make(DEADLINE);
    expect(el.closed).to.equal(false);
    expect(text(el.shadowRoot!.querySelector('[part=deadline]'))).to.equal(
      'Ende der Frist: Donnerstag, 31. März 2022, 23:59 Uhr (Mitteleuropäische Sommerzeit)',
    );
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2022-03-31T21:59:00.000Z');
    expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
  });

  it('after the deadline says the call has closed and offers no form', async () => {
    clock = fixClock('2022-04-01T00:00:00+02:00');
    const el = await make(DEADLINE);
    expect(el.closed).to.equal(true);
    expect(el.hasAttribute('closed')).to.equal(true);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[part=closed]'))).to.equal('Die Frist ist abgelaufen.');
    clock.restore(); // axe needs real timers
    await expect(el).to.be.accessible();
  });

  it('closes while a visitor types: tells them once, keeps the text readable, sends nothing', async () => {
    clock = fixClock('2022-03-31T23:58:30+02:00');
    const el = await make(DEADLINE);
    await fill(el, {...VALID, motivation: 'Fast fertig'});
    clock.tick(29_000);
    await el.updateComplete;
    expect(el.closed).to.equal(false);
    clock.tick(1_100);
    await el.updateComplete;
    await el.updateComplete;
    expect(el.closed).to.equal(true);
    expect(live(el)).to.equal('Die Frist ist abgelaufen. Sie können Ihre Eingaben drucken oder speichern.');
    const motivation = control(el, 'motivation');
    expect(motivation.value).to.equal('Fast fertig');
    expect(motivation.readOnly).to.equal(true);
    expect(control(el, 'municipality').readOnly).to.equal(true);
    expect(control(el, 'partnership').disabled).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('form > button')!).display).to.equal('none');
    expect(el.shadowRoot!.querySelectorAll('.actions button')).to.have.length(2);
    const file = await savedFile(el);
    expect(file.name).to.equal('die-frist-ist-abgelaufen.txt');
    expect(file.text.split('\n')[0]).to.equal('Die Frist ist abgelaufen.');
    expect(file.text).to.contain(': Fast fertig\n').and.contain(': Dortmund\n');
    await el.submit();
    clock.restore();
    clock = undefined;
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await new Promise((r) => setTimeout(r, 100));
    expect(submitted()).to.equal(false);
    // Said once: a later render does not repeat it.
    await fill(el, {});
    expect(live(el)).to.contain('Die Frist ist abgelaufen.');
    await expect(el).to.be.accessible();
  });

  it('when the receiver answers that the call has closed (422 _form: closed), says the deadline has passed and keeps the text', async () => {
    await faults([{errors: {_form: 'closed'}}]);
    const el = await make(); // the page's deadline may be missing or later than the receiver's
    await fill(el, {...VALID, motivation: 'Knapp zu spät'});
    await send(el);
    await el.updateComplete;
    expect(el.closed).to.equal(true);
    expect(el.hasAttribute('closed')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[part=closed]'))).to.equal('Die Frist ist abgelaufen.');
    expect(live(el)).to.equal('Die Frist ist abgelaufen. Sie können Ihre Eingaben drucken oder speichern.');
    expect(el.shadowRoot!.querySelector('[part=error-summary]')).to.equal(null);
    // Not "sending failed, send again": there is nothing to send again.
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=status]')!).display).to.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelector('form > button')!).display).to.equal('none');
    expect(el.shadowRoot!.textContent).to.not.match(/\bclosed\b/);
    expect(control(el, 'motivation').value).to.equal('Knapp zu spät');
    expect(control(el, 'motivation').readOnly).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('without a deadline is always open; a bad one is reported and leaves it open', async () => {
    clock = fixClock('2099-01-01T00:00:00Z');
    expect((await make()).closed).to.equal(false);
    const console = captureConsole();
    try {
      const el = await make('deadline="31.03.2022"');
      expect(el.closed).to.equal(false);
      expect(console.errors.join()).to.contain('<kp-interest-form>: attribute "deadline" "31.03.2022"');
    } finally {
      console.restore();
    }
  });
});

describe('<kp-interest-form>: languages', () => {
  const cases: [string, string, string, string, string][] = [
    ['de', 'Kommune', 'Deutschland', 'Name der Kommune', 'Portugiesisch'],
    ['en', 'Municipality', 'Germany', 'Name of the municipality', 'Portuguese'],
    ['fr', 'Collectivité', 'Allemagne', 'Nom de la collectivité', 'Portugais'],
    ['es', 'Municipio', 'Alemania', 'Nombre del municipio', 'Portugués'],
    ['pt', 'Município', 'Alemanha', 'Nome do município', 'Português'],
  ];
  for (const [lang, legend, germany, name, portuguese] of cases) {
    it(`speaks ${lang}: labels, country names, messages`, async () => {
      const el = await make('', lang);
      const root = el.shadowRoot!;
      expect(text(root.querySelector('legend'))).to.equal(legend);
      expect(text(root.querySelector('#f-country option'))).to.equal(germany);
      expect(text(root.querySelector('label[for=f-languages-4]'))).to.equal(portuguese);
      expect(text(root.querySelector('label[for=f-municipality]'))).to.equal(name);
      await send(el);
      // The kit's message for "required", in this language (German only for de).
      const message = text(root.getElementById('e-municipality'));
      expect(message).to.contain(inLocale(lang as Locale, () => errorMessage('required')));
      expect(message.includes('Bitte füllen')).to.equal(lang === 'de');
      expect(text(root.querySelector('.summary a'))).to.contain(name);
    });
  }
});

describe('<kp-interest-form>: accessible in every state', () => {

  it('empty, with errors, sending, sent', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
    await send(el);
    await expect(el).to.be.accessible();
    await faults([{hangMs: 600}]);
    await fill(el, VALID);
    (el.shadowRoot!.querySelector('form > button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.sender.state).to.equal('sending');
    await expect(el).to.be.accessible();
    // The send ends on its own; axe may outlast the hang (WebKit), so no second click on a button that may be gone.
    await until(() => !el.sender.busy, 8000, 'the send to end');
    await el.updateComplete;
    expect(el.sender.state).to.equal('sent');
    await expect(el).to.be.accessible();
  });

  it('failed', async () => {
    await faults([{status: 500}]);
    const el = await make();
    el.sender.tries = 1;
    await fill(el, VALID);
    await send(el);
    expect(el.sender.state).to.equal('failed');
    await expect(el).to.be.accessible();
  });

  it('announces the characters left only after a pause', async () => {
    const el = await make();
    await fill(el, {motivation: 'Hallo'});
    expect(text(el.shadowRoot!.getElementById('h-motivation'))).to.equal('Noch 1.995 Zeichen');
    expect(live(el)).to.equal('');
    await new Promise((r) => setTimeout(r, 1100));
    await el.updateComplete;
    expect(live(el)).to.equal('Noch 1.995 Zeichen');
    expect(control(el, 'motivation').getAttribute('aria-describedby')).to.equal('h-motivation');
  });
});
