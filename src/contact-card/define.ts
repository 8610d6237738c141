import {define} from '../shared/define.js';
import {KpContactCard} from './contact-card.js';

define('kp-contact-card', KpContactCard);
