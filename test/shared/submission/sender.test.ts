import {expect} from '@open-wc/testing';
import {Sender} from '../../../src/shared/submission/sender.js';
import {faults, requestCount, requests, reset, submissions, SUBMIT} from './receiver.js';

const NEWSLETTER = {email: 'ana@example.org', consent: true, _form: 'newsletter', _locale: 'de'};

function make() {
  const target = new EventTarget();
  const states: string[] = [];
  const sender = new Sender(target, () => states.push(sender.state));
  sender.timeout = 1000;
  sender.backoff = 20;
  return {sender, target, states};
}

describe('Sender (engine, real receiver)', () => {
  beforeEach(reset);

  it('sends JSON once, with the id as Idempotency-Key and _submissionId', async () => {
    const {sender, target} = make();
    let response: unknown;
    target.addEventListener('kp-success', (e) => (response = (e as CustomEvent).detail.response));
    await sender.send(NEWSLETTER, SUBMIT());
    expect(sender.state).to.equal('sent');
    const stored = await submissions();
    expect(stored).to.have.length(1);
    expect(stored[0].form).to.equal('newsletter');
    expect(stored[0].data).to.deep.include({email: 'ana@example.org', consent: true});
    expect(response).to.deep.include({ok: true, id: stored[0].id});
    expect(Object.keys(await requests())).to.deep.equal([stored[0].id]);
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
});
