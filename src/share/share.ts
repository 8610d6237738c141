import {html, nothing} from 'lit-html';
import {msg, str} from '@lit/localize';
import type {PropertyDeclarations} from '../shared/reactive.js';
import {KpElement} from '../shared/kp-element.js';
import {baseStyles} from '../shared/styles.js';
import {formStyles} from '../shared/form/form.styles.js';
import {KpEvent} from '../shared/submission/events.js';
import {httpUrl} from '../shared/url.js';
import {AWAY, COPY, EMAIL, NATIVE, NETWORKS, mastodonHost, shareUrl} from './networks.js';
import {shareStyles} from './share.styles.js';

/** How the visitor shared: `native` (share sheet), `copy`, `email`, or a network's name. */
export type KpShareEvent = KpEvent<{method: string}>;

/** The visitor's Mastodon server: in this page's memory only, shared by every `<kp-share>` on it. */
let server = '';

const icon = (d: string) => html`<svg part="icon" viewBox="0 0 16 16" aria-hidden="true"><path d=${d}></path></svg>`;
const encode = encodeURIComponent;

/**
 * "Diese Seite teilen" without share buttons that call home: the system's
 * share sheet where the browser has one, "Link kopieren", "E-Mail" (a
 * `mailto:` link), and plain links to the share pages of the networks a site
 * lists (networks.ts). Nothing is
 * requested from any host and nothing is stored before the visitor clicks;
 * there are no counts. Mastodon asks for the visitor's server (kept in the
 * page's memory only). `title` is also HTML's tooltip attribute: the element
 * reads it as what is shared, and its content sets an empty `title` so that
 * no tooltip hangs over the buttons.
 *
 * @tag kp-share
 * @summary Share links without third-party code: share sheet, copy, e-mail, networks.
 *
 * @slot - Fallback content, shown until the element has upgraded (e.g. the page's URL as a link).
 *
 * @csspart base - The group of everything.
 * @csspart button - Every button and link (share sheet, copy, e-mail, each network, the Mastodon form's button).
 * @csspart icon - The icon in a button (an inline SVG drawn in the text colour).
 * @csspart form - The Mastodon form (server name).
 * @csspart label - The label of the Mastodon field and of the link field.
 * @csspart field - The Mastodon server field, and the read-only link field shown where the clipboard is refused.
 * @csspart status - "Link kopiert." (a live region).
 * @csspart error - That the Mastodon server name cannot be used, between its label and field (a live region).
 *
 * @cssproperty --kp-color-accent - Buttons and links.
 *
 * @event kp-share - After the visitor chose a way to share; `detail: {method}`: `native`, `copy`, `email` or the network's name.
 */
export class KpShare extends KpElement {
  static override get styles() {
    return [baseStyles, formStyles, shareStyles];
  }
  static override get properties(): PropertyDeclarations {
    return {
      url: {},
      title: {},
      networks: {},
      said: {state: true},
    };
  }

  /** The URL to share (http or https); default the page's canonical URL, else its own. */
  url = '';
  /** The title to share; default the page's title. */
  override title = '';
  /** Space-separated, in the order shown: linkedin, mastodon, bluesky, facebook, whatsapp, threema, x. */
  networks = '';

  /** After a click: 1 copied, 2 clipboard refused (the link field shows), 3 not a server name (shown at its field). */
  private said = 0;

  /**
   * Title and URL to share, read now: a single-page host may have moved to
   * another page (`history.pushState`, a new `document.title`) since the last render.
   */
  #shared(): [string, string] {
    const raw = this.url.trim();
    const given = raw && httpUrl(raw);
    if (raw && !given) this.reportAttribute('url', this.url, "not an http(s) URL; the page's own is shared.");
    // A lone surrogate (a broken title) would make encodeURIComponent throw: left out.
    const title = (this.title.trim() || document.title).replace(/\p{Cs}/gu, '');
    return [title, given || document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href || location.href];
  }

  /**
   * Renders at once, so that every link's address is the page's current one
   * when the browser follows it: at a click (before the browser acts on it),
   * and at a pointer's press or a key (before a middle click, or the context
   * menu's "open in new tab" and "copy link", which send no click).
   */
  #now(e: Event) {
    // Only for the links: typing in the Mastodon field or pressing a button needs no new addresses.
    if ((e.target as Element).closest('a')) this.update(new Map());
  }

  #fire(method: string) {
    this.dispatchEvent(new KpEvent('kp-share', {method}));
  }

  #later?: ReturnType<typeof setTimeout>;

  /**
   * Shows `said`: nothing (0) and the link field (2) at once, a message in a
   * live region (1, 3) after a tenth of a second with none, so that a screen
   * reader announces it again on every try, the same text as before too (a
   * live region is read when its text changes).
   */
  #say(said: number) {
    clearTimeout(this.#later);
    this.said = said === 1 || said === 3 ? 0 : said;
    if (this.said !== said) this.#later = setTimeout(() => (this.said = said), 100);
  }

  /** Focuses and selects the field `id` once rendered. */
  async #focus(id: string) {
    await this.updateComplete;
    const field = this.renderRoot.getElementById(id) as HTMLInputElement | null;
    field?.focus();
    field?.select();
  }

  // The Mastodon form's handler is a method (lit-html calls it on the element): the same function on every render.
  #toot(e: Event) {
    e.preventDefault();
    const host = mastodonHost((server = (e.target as HTMLFormElement).s.value));
    this.#say(host ? 0 : 3);
    if (host) {
      open(shareUrl(NETWORKS.Mastodon, ...this.#shared(), host), '_blank', 'noopener,noreferrer');
      this.#fire('mastodon');
    } else this.#focus('s');
  }

  protected override render() {
    const [title, url] = this.#shared();
    const shown = [...new Set((this.networks.match(/\S+/g) ?? []).map((n) => Object.keys(NETWORKS).find((k) => k.toLowerCase() === n.toLowerCase())))];
    if (shown.includes(undefined)) this.reportAttribute('networks', this.networks, `unknown names left out; known: ${Object.keys(NETWORKS).join(' ').toLowerCase()}.`);
    const bad = this.said === 3;
    const button = (d: string, text: string, click: () => unknown) =>
      html`<button class="button secondary" part="button" @click=${click}>${icon(d)}${text}</button>`;
    // Said in words, not only by the icon: read by screen readers, also in a list of links.
    const away = html` <span class="visually-hidden">${msg('(öffnet neues Fenster)')}</span>`;
    const link = (d: string, text: string, href: string, method: string, tab = method !== 'email') =>
      html`<a class="button secondary" part="button" href=${href} target=${tab ? '_blank' : nothing} rel="noopener noreferrer" @click=${() =>
        this.#fire(method)}>${icon(d)}${text}${tab ? away : nothing}</a>`;
    // No white space between tags: Lit ships template text as written.
    // The buttons read what is shared at the click (#shared); the links' addresses are rendered again then (#now).
    return html`<div part="base" title="" @click=${this.#now} @pointerdown=${this.#now} @keydown=${this.#now}><div class="actions">${
      navigator.share
        ? button(NATIVE, msg('Teilen'), () => {
            const [title, url] = this.#shared();
            navigator.share({title, url}).then(() => this.#fire('native'), () => 0);
          })
        : nothing
    }${button(COPY, msg('Link kopieren'), async () => {
      try {
        await navigator.clipboard.writeText(this.#shared()[1]);
        this.#say(1);
      } catch {
        this.#say(2);
        this.#focus('l');
      }
      this.#fire('copy');
    })}${link(EMAIL, msg('E-Mail'), `mailto:?subject=${encode(title)}&body=${encode(`${msg(str`Lesetipp: ${title}`)}\r\n${url}`)}`, 'email')}${shown.map((name) =>
      !name
        ? nothing
        : name === 'Mastodon'
          ? html`<details><summary class="button secondary" part="button">${icon(AWAY)}${name}</summary><form part="form" @submit=${this.#toot}><label part="label" for="s">${msg(
              'Ihr Mastodon-Server',
            )}</label><p id="e" class="error" part="error" role="status">${
              bad ? html`<span class="visually-hidden">${msg('Fehler:')}</span> ${msg('Bitte geben Sie einen Servernamen ein.')}` : nothing
            }</p><input id="s" part="field" value=${server} placeholder="mastodon.social" aria-invalid=${bad || nothing} aria-describedby=${
              bad ? 'e' : nothing
            }><button class="button" part="button">${msg('Teilen')}${away}</button></form></details>`
          : link(AWAY, name, shareUrl(NETWORKS[name], title, url), name.toLowerCase()),
    )}</div><div class="status" part="status" role="status">${
      this.said === 1 ? msg('Link kopiert.') : nothing
    }</div>${
      this.said === 2 ? html`<label part="label" for="l">${msg('Link kopieren')}</label><input id="l" part="field" readonly .value=${url}>` : nothing
    }</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kp-share': KpShare;
  }
  interface GlobalEventHandlersEventMap {
    'kp-share': KpShareEvent;
  }
}
