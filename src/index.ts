/**
 * klimapartner-widgets: one ES module that defines every kp- element.
 * Hosts that bundle it themselves also get the classes and the locale API.
 */
import {defineAll} from './shared/define.js';
import {KpCountdown} from './countdown/countdown.js';
import {KpContactCard} from './contact-card/contact-card.js';
import {KpNewsletterSignup} from './newsletter-signup/newsletter-signup.js';
import {KpInterestForm} from './interest-form/interest-form.js';
import {KpShare} from './share/share.js';

/**
 * Resolves when every element is defined. The tags are defined while the
 * module runs (one line per element below), so elements in the HTML render
 * before the first paint; the promise is already settled by the time a page's
 * script can await it. It stays for scripts that import the module and wait
 * for it, as `customElements.whenDefined('kp-…')` does.
 */
export const defined: Promise<void> = defineAll([
  ['kp-countdown', KpCountdown],
  ['kp-contact-card', KpContactCard],
  ['kp-newsletter-signup', KpNewsletterSignup],
  ['kp-interest-form', KpInterestForm],
  ['kp-share', KpShare],
]);

export {KpCountdown} from './countdown/countdown.js';
export {KpExpiredEvent} from './countdown/events.js';
export {KpContactCard} from './contact-card/contact-card.js';
export {KpNewsletterSignup} from './newsletter-signup/newsletter-signup.js';
export {KpInterestForm} from './interest-form/interest-form.js';
export {KpShare} from './share/share.js';
export type {KpShareEvent} from './share/share.js';
export {KpSubmitEvent, KpSuccessEvent, KpErrorEvent} from './shared/submission/events.js';
export {setLocale, getLocale} from './shared/locale.js';
export {VERSION} from './shared/define.js';
