/** The submission engine: `import {Sender, checkAction, …} from '../shared/submission/index.js'`. */
export {Sender, type SendState} from './sender.js';
export {checkAction} from './action.js';
export {encode, type Fields, type Mode} from './encode.js';
export {draftKey, dropDraft, loadDraft, saveDraft} from './draft.js';
export {KpErrorEvent, KpSubmitEvent, KpSuccessEvent, type SubmitDetail} from './events.js';
