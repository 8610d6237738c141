/** The form kit: `import {KpForm, field, fieldset, errorMessage} from '../shared/form/index.js'`. */
export {KpForm} from './kp-form.js';
export {field, fieldset, type Field, type FieldHost} from './fields.js';
export {errorMessage} from './messages.js';
export {formStyles} from './form.styles.js';
