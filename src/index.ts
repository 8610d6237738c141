/**
 * klimapartner-widgets: one ES module that defines every kp- element.
 * Hosts that bundle it themselves also get the classes and the locale API.
 */
import './countdown/define.js';
import './contact-card/define.js';
import './newsletter-signup/define.js';
import './interest-form/define.js';

export {KpCountdown} from './countdown/countdown.js';
export {KpExpiredEvent} from './countdown/events.js';
export {KpContactCard} from './contact-card/contact-card.js';
export {KpNewsletterSignup} from './newsletter-signup/newsletter-signup.js';
export {KpInterestForm} from './interest-form/interest-form.js';
export {KpSubmitEvent, KpSuccessEvent, KpErrorEvent} from './shared/submission/events.js';
export {setLocale, getLocale} from './shared/locale.js';
export {VERSION} from './shared/define.js';
