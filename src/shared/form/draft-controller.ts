/**
 * A form's draft: what the visitor typed, kept in sessionStorage
 * (../submission/draft.ts) so that it survives a reload, with the submission
 * id, so that a tab duplicated from it is the same submission. Restored when
 * the form connects, written a quarter second after typing stops (and at once
 * when the form leaves the page or a send changes state), deleted once sent.
 * `draft="off"` keeps nothing.
 *
 * Shaped like a Lit ReactiveController (`hostConnected`, `hostDisconnected`);
 * our ReactiveBase has no controller list, so the form calls them.
 */
import type {Fields} from '../submission/encode.js';
import {uuid, type Sender} from '../submission/sender.js';
import {draftKey, dropDraft, loadDraft, saveDraft} from '../submission/draft.js';

export interface DraftHost extends Element {
  /** `off`: keep no draft. */
  draft?: string;
  values: Fields;
  readonly sender: Sender;
}

export class DraftController {
  readonly #host: DraftHost;
  #key = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: DraftHost) {
    this.#host = host;
  }

  /** Restores the draft: the values, and the submission id unless the form has one. */
  hostConnected(): void {
    const host = this.#host;
    const draft = host.draft !== 'off' && loadDraft((this.#key = draftKey(host)));
    if (draft) {
      const {_submissionId, ...values} = draft;
      host.values = values;
      host.sender.id ??= _submissionId as string | undefined;
    }
  }

  /** A write still waiting happens now. */
  hostDisconnected(): void {
    if (this.#timer) this.save();
  }

  /** Writes after a pause in typing (250 ms). */
  saveSoon(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.save(), 250);
  }

  /** Writes the draft now (ending a write still waiting). */
  save(): void {
    const host = this.#host;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // The id is made with the first draft: a tab duplicated from it is the same submission.
    if (host.draft !== 'off') saveDraft(this.#key, {...host.values, _submissionId: (host.sender.id ??= uuid())});
  }

  /** Deletes the draft (the form was sent). */
  drop(): void {
    clearTimeout(this.#timer);
    dropDraft(this.#key);
  }
}
