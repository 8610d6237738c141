import {define} from '../shared/define.js';
import {KpCountdown} from './countdown.js';

define('kp-countdown', KpCountdown);
