import {define} from '../shared/define.js';
import {KpNewsletterSignup} from './newsletter-signup.js';

define('kp-newsletter-signup', KpNewsletterSignup);
