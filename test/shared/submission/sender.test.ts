import {expect} from '@open-wc/testing';
import {Sender} from '../../../src/shared/submission/sender.js';
import type {KpErrorEvent, KpSubmitEvent, KpSuccessEvent} from '../../../src/shared/submission/events.js';
import {faults, requestCount, requests, reset, submissions, SUBMIT} from './receiver.js';

const NEWSLETTER = {email: 'ana@example.org', consent: true, _form: 'newsletter', _locale: 'de'};

function make() {
  const target = new EventTarget();
  const states: string[] = [];
  const sender = new Sender(target, () => states.push(sender.state));
  sender.timeout = 2000;
  sender.backoff = 20;
  return {sender, target, states};
}

/** Makes navigator.onLine answer `value` until restored. */
function fakeOnline(value: boolean) {
  Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => value});
  return () => delete (navigator as {onLine?: boolean}).onLine;
}

describe('Sender (engine, real receiver)', () => {
  beforeEach(reset);

  it('sends JSON once, with the id as Idempotency-Key and _submissionId', async () => {
    const {sender, target} = make();
    let response: unknown;
    target.addEventListener('kp-success', (e) => (response = (e as KpSuccessEvent).detail.response));
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('sent');
    const stored = await submissions();
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({form: 'newsletter', locale: 'de'});
    expect(stored[0].data).to.deep.include({email: 'ana@example.org', consent: true});
    expect(response).to.deep.include({ok: true, id: stored[0].id});
    expect(await requests()).to.deep.equal({[stored[0].id]: 1});
    expect(sender.id, 'cleared once sent').to.equal(undefined);
  });

  it('retries after a 500 with the same id: one record', async () => {
    await faults([{status: 500}]);
    const {sender, states} = make();
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('sent');
    expect(states).to.include('retrying');
    expect(await submissions()).to.have.length(1);
    expect(Object.values(await requests())).to.deep.equal([2]);
  });

  for (const status of [503, 429]) {
    it(`honours Retry-After on ${status}`, async () => {
      await faults([{status, retryAfter: 1}]);
      const {sender} = make();
      const start = performance.now();
      await sender.send(NEWSLETTER, SUBMIT());
      expect(performance.now() - start).to.be.greaterThan(950);
      expect(sender.state).to.equal('sent');
      expect(await submissions()).to.have.length(1);
    });
  }

  it('retries a dropped connection', async () => {
    await faults([{drop: true}]);
    const {sender} = make();
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('sent');
    expect(await submissions()).to.have.length(1);
  });

  it('aborts a try that hangs past the timeout, and tries again', async () => {
    await faults([{hangMs: 700, drop: true}]);
    const {sender, states} = make();
    sender.timeout = 250;
    await sender.send(NEWSLETTER, SUBMIT());
    expect(states).to.include('retrying');
    expect(sender.state).to.equal('sent');
    expect(await submissions()).to.have.length(1);
    await new Promise((r) => setTimeout(r, 500)); // let the hung request end before the next test
  });

  it('stored but the answer lost: the retry with the same key makes no second record', async () => {
    await faults([{afterStore: true, drop: true}]);
    const {sender} = make();
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('sent');
    const stored = await submissions();
    expect(stored).to.have.length(1);
    expect((await requests())[stored[0].id]).to.be.at.least(2);
  });

  it('gives up after `tries`, keeps the id, and a later send goes through as the same submission', async () => {
    await faults([{status: 500}, {status: 502}, {status: 503}]);
    const {sender, target} = make();
    sender.tries = 3;
    let error: unknown;
    target.addEventListener('kp-error', (e) => (error = (e as KpErrorEvent).detail.error));
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('failed');
    expect(error).to.deep.include({status: 503});
    const id = sender.id;
    expect(id).to.be.a('string');
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('sent');
    expect((await submissions()).map((s) => s.id)).to.deep.equal([id]);
  });

  it('shows field errors from a 422 and sends nothing more', async () => {
    await faults([{errors: {email: 'email', _rate: 'x'}}]);
    const {sender} = make();
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('idle');
    expect(sender.errors).to.deep.equal({email: 'email'});
    expect(await requestCount()).to.equal(1);
  });

  it('sends one request for repeated sends while one runs', async () => {
    await faults([{hangMs: 200}]);
    const {sender} = make();
    const a = sender.send(NEWSLETTER, SUBMIT());
    const b = sender.send(NEWSLETTER, SUBMIT());
    expect(a).to.equal(b);
    await a;
    expect(await requestCount()).to.equal(1);
    expect(await submissions()).to.have.length(1);
  });

  it('form mode: urlencoded, arrays as repeated keys', async () => {
    const {sender} = make();
    await sender.send({...NEWSLETTER, tags: ['a', 'b']}, SUBMIT(), 'form');
    expect(sender.state).to.equal('sent');
    const [stored] = await submissions();
    expect(stored.data).to.deep.include({email: 'ana@example.org', consent: 'true', tags: ['a', 'b']});
  });

  it('no-cors mode: an opaque answer counts as probably sent', async () => {
    const {sender} = make();
    await sender.send(NEWSLETTER, SUBMIT(), 'no-cors');
    expect(sender.state).to.equal('sent');
    expect(sender.opaque).to.equal(true);
    const [stored] = await submissions();
    expect(stored.data).to.deep.include({email: 'ana@example.org', consent: 'true'});
  });

  it('a host that handles kp-submit replaces the request (no action needed)', async () => {
    const {sender, target} = make();
    let seen: Record<string, unknown> | undefined;
    target.addEventListener('kp-submit', (e) => {
      e.preventDefault();
      seen = (e as KpSubmitEvent).detail.data;
      (e as KpSubmitEvent).detail.respondWith(Promise.resolve({ok: 'host'}));
    });
    let response: unknown;
    target.addEventListener('kp-success', (e) => (response = (e as KpSuccessEvent).detail.response));
    await sender.send(NEWSLETTER);
    expect(sender.state).to.equal('sent');
    expect(response).to.deep.equal({ok: 'host'});
    expect(seen).to.include({email: 'ana@example.org', _form: 'newsletter'});
    expect(seen!._submissionId).to.be.a('string');
    expect(await requestCount()).to.equal(0);
  });

  it('a host promise that rejects with {errors} shows them at the fields', async () => {
    const {sender, target} = make();
    target.addEventListener('kp-submit', (e) => {
      e.preventDefault();
      (e as KpSubmitEvent).detail.respondWith(Promise.reject({errors: {email: 'Schon angemeldet'}}));
    });
    await sender.send(NEWSLETTER);
    expect(sender.state).to.equal('idle');
    expect(sender.errors).to.deep.equal({email: 'Schon angemeldet'});
  });

  it('without a host and without an action: unavailable, nothing sent', async () => {
    const {sender} = make();
    await sender.send(NEWSLETTER, undefined);
    expect(sender.state).to.equal('unavailable');
    expect(await requestCount()).to.equal(0);
  });

  it('offline: waits for the online event, then sends', async () => {
    const restore = fakeOnline(false);
    try {
      const {sender} = make();
      const done = sender.send(NEWSLETTER, SUBMIT());
      await new Promise((r) => setTimeout(r, 100));
      expect(sender.state).to.equal('offline');
      expect(await requestCount()).to.equal(0);
      restore();
      dispatchEvent(new Event('online'));
      await done;
      expect(sender.state).to.equal('sent');
      expect(await submissions()).to.have.length(1);
    } finally {
      restore();
    }
  });

  // Not tested with Chromium's real offline mode: the `kp-offline` server command cuts the
  // test runner's own connection to the page too, so the command to go back online never
  // arrives and the run hangs (tried; see the report). The offline path is the same code.
});
