import {define} from '../shared/define.js';
import {KpShare} from './share.js';

define('kp-share', KpShare);
