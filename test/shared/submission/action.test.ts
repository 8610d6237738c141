import {expect} from '@open-wc/testing';
import {checkAction} from '../../../src/shared/submission/action.js';
import {retryAfter} from '../../../src/shared/submission/retry.js';

describe('checkAction', () => {
  it('allows https, same-origin paths and http on the loopback names', () => {
    expect(checkAction('https://receiver.example.org/submit')).to.equal('https://receiver.example.org/submit');
    expect(checkAction('/api/submit')).to.equal('/api/submit');
    expect(checkAction(' /api/submit ')).to.equal('/api/submit');
    for (const host of ['localhost:8787', '127.0.0.1', '[::1]:80']) expect(checkAction(`http://${host}/api/submit`)).to.be.a('string');
  });

  it('refuses everything else', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<p>x',
      'http://evil.example/submit',
      'http://localhost.evil.example/',
      '//evil.example/submit',
      '/\\evil.example/submit',
      'api/submit',
      'garbage',
      '',
      'ftp://example.org/',
      null,
      undefined,
    ]) {
      expect(checkAction(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('3')).to.equal(3000);
    expect(retryAfter(null)).to.equal(undefined);
    expect(retryAfter('soon')).to.equal(undefined);
    const date = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfter(date)).to.be.within(3000, 5000);
    expect(retryAfter('Thu, 01 Jan 1970 00:00:00 GMT')).to.equal(0);
  });
});
