import {expect} from '@open-wc/testing';
import type sinon from 'sinon';
import {subscribe} from '../../src/shared/ticker.js';
import {fixClock} from '../helpers.js';

/** Pretends the tab is hidden or shown, as the browser would tell us. */
function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('ticker: one shared clock', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = fixClock('2022-03-31T10:00:00.300Z')));
  afterEach(() => {
    clock.restore();
    delete (document as {hidden?: boolean}).hidden;
  });

  it('ticks on the whole second for those who want seconds, on the minute otherwise', () => {
    const seen: number[] = [];
    const stop = subscribe({tick: (now) => seen.push(now), wantsSeconds: true});
    clock.tick(2000);
    expect(seen.map((t) => t % 1000)).to.deep.equal([5, 5]);
    stop();
    const coarse: number[] = [];
    const stop2 = subscribe({tick: (now) => coarse.push(now), wantsSeconds: false});
    clock.tick(125_000);
    expect(coarse.length).to.equal(2);
    expect(coarse.every((t) => t % 60_000 === 5)).to.equal(true);
    stop2();
  });

  it('wakes at a deadline that comes before the next minute', () => {
    const seen: number[] = [];
    const wakeAt = Date.parse('2022-03-31T10:00:20.000Z');
    const stop = subscribe({tick: (now) => seen.push(now), wantsSeconds: false, wakeAt});
    clock.tick(25_000);
    expect(seen).to.deep.equal([wakeAt + 5]);
    stop();
  });

  it('sleeps while the page is hidden and catches up at once when shown', () => {
    let ticks = 0;
    const stop = subscribe({tick: () => ticks++, wantsSeconds: true});
    clock.tick(1000);
    expect(ticks).to.equal(1);
    setHidden(true);
    expect(clock.countTimers()).to.equal(0, 'no timer pending while hidden');
    clock.tick(60_000);
    expect(ticks).to.equal(1, 'no tick while hidden');
    setHidden(false);
    expect(ticks).to.equal(2, 'one catch-up tick on show');
    stop();
  });

  it('stops all timers when the last subscriber leaves', () => {
    let ticks = 0;
    const a = subscribe({tick: () => ticks++, wantsSeconds: true});
    const b = subscribe({tick: () => ticks++, wantsSeconds: false});
    a();
    expect(clock.countTimers()).to.equal(1);
    b();
    expect(clock.countTimers()).to.equal(0);
    clock.tick(120_000);
    expect(ticks).to.equal(0, 'nobody is called once all have left');
  });

  it('keeps ticking for the others when one subscriber throws', () => {
    const error = console.error;
    console.error = () => {};
    let ok = 0;
    const a = subscribe({tick: () => { throw new Error('broken'); }, wantsSeconds: true});
    const b = subscribe({tick: () => ok++, wantsSeconds: true});
    clock.tick(3000);
    console.error = error;
    expect(ok).to.equal(3);
    a();
    b();
  });
});
