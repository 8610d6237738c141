/**
 * klimapartner-widgets: one ES module that defines every kp- element.
 * Hosts that bundle it themselves also get the classes and the locale API.
 */
import {define, inTurns} from './shared/define.js';
import {KpCountdown} from './countdown/countdown.js';
import {KpContactCard} from './contact-card/contact-card.js';
import {KpNewsletterSignup} from './newsletter-signup/newsletter-signup.js';
import {KpInterestForm} from './interest-form/interest-form.js';
import {KpShare} from './share/share.js';
import {countries} from './interest-form/options.js';
import {resolveIntlLocale} from './shared/locale.js';

/**
 * Resolves when every element is defined. The tags are defined one per task
 * right after the module runs (see inTurns), the ones usually at the top of a
 * page first. A page's script that talks to an element waits for this, or for
 * `customElements.whenDefined('kp-…')`.
 */
export const defined: Promise<void> = inTurns([
  // The page's first use of Intl starts ICU (about 25 ms in a new renderer
  // here): in a task of its own, not on top of the first element's render.
  () => new Intl.DateTimeFormat().resolvedOptions(),
  () => define('kp-countdown', KpCountdown),
  () => define('kp-contact-card', KpContactCard),
  () => define('kp-newsletter-signup', KpNewsletterSignup),
  // The interest form's country list in each form's language (Intl.DisplayNames
  // and a Collator sorting 249 names: the form's costliest part), a turn ahead.
  () => document.querySelectorAll('kp-interest-form').forEach((el) => countries(resolveIntlLocale(el))),
  () => define('kp-interest-form', KpInterestForm),
  () => define('kp-share', KpShare),
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
