/** The form kit: `import {KpForm, errorMessage} from '../shared/form/index.js'`. */
export {KpForm, type Field} from './kp-form.js';
export {errorMessage} from './messages.js';
export {formStyles} from './form.styles.js';
