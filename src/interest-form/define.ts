import {define} from '../shared/define.js';
import {KpInterestForm} from './interest-form.js';

define('kp-interest-form', KpInterestForm);
