import {html, nothing} from 'lit-html';
import type {PropertyDeclarations, PropertyValues} from '../shared/reactive.js';
import {msg} from '@lit/localize';
import {KpElement} from '../shared/kp-element.js';
import {baseStyles} from '../shared/styles.js';
import {isEmail} from '../shared/rules.js';
import {parsePhone, type Phone} from '../shared/phone.js';
import {download, fileName} from '../shared/text-file.js';
import {httpUrl} from '../shared/url.js';
import {vcard} from './vcard.js';
import {contactCardStyles} from './contact-card.styles.js';

/**
 * A contact person or team: name, function, organisation, an optional photo,
 * a telephone number to dial and an address to write to, and the whole as a
 * vCard file. The photo is decorative (`alt=""`): the name stands beside it.
 * Bad values are reported on the console and left out; the rest still shows.
 *
 * @tag kp-contact-card
 * @summary Contact card with `tel:`/`mailto:` links and a vCard (.vcf).
 *
 * @slot - Fallback content, shown until the element has upgraded and when
 *   neither `name` nor `organisation`, `phone` or `email` can be shown.
 *
 * @csspart base - The card.
 * @csspart photo - The photo.
 * @csspart name - The name (or, without one, the organisation).
 * @csspart job-title - The function.
 * @csspart organisation - The organisation.
 * @csspart details - The list of telephone and e-mail.
 * @csspart caption - "Telefon", "E-Mail".
 * @csspart phone - The telephone link (DIN 5008, never wrapped).
 * @csspart email - The e-mail link.
 * @csspart button - The vCard button.
 *
 * @cssproperty --kp-color-accent - Link and button colour.
 * @cssproperty --kp-contact-background - Card background (default: surface, white).
 * @cssproperty --kp-contact-border - Card border (default `1px solid` the border colour).
 * @cssproperty --kp-contact-padding - Space inside the card (default 1rem).
 * @cssproperty --kp-contact-photo-size - Width and height of the photo (default 5rem).
 * @cssproperty --kp-contact-photo-radius - Corner of the photo (default 50%, a circle).
 */
export class KpContactCard extends KpElement {
  static override get styles() {
    return [baseStyles, contactCardStyles];
  }
  static override get properties(): PropertyDeclarations {
    return {
      name: {},
      jobTitle: {attribute: 'job-title'},
      organisation: {},
      phone: {},
      email: {},
      photo: {},
      photoFailed: {state: true},
    };
  }

  /** The person's or team's name (required). */
  name = '';
  /** The function, e.g. "Projektkoordination". */
  jobTitle = '';
  organisation = '';
  /** Any common writing of a telephone number. */
  phone = '';
  email = '';
  /** An http(s) image URL. */
  photo = '';

  private photoFailed = false;
  /** name, job title and organisation, trimmed */
  #texts: string[] = [];
  #tel?: Phone;
  #mail?: string;
  #img?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const values = [this.name, this.jobTitle, this.organisation, this.phone, this.email, this.photo];
    const [name, job, org, phone, email, photo] = values.map((v) => v.trim());
    this.#texts = [name, job, org];
    if (!name) this.reportAttribute('name', name, 'required.');
    this.#tel = phone ? parsePhone(phone) : undefined;
    if (phone && !this.#tel) this.reportAttribute('phone', phone, 'not a phone number like "0231 936960-14".');
    this.#mail = isEmail(email) ? email : undefined;
    if (email && !this.#mail) this.reportAttribute('email', email, 'not an e-mail address.');
    this.#img = photo ? httpUrl(photo) : undefined;
    if (photo && !this.#img) this.reportAttribute('photo', photo, 'not an http(s) URL.');
    if (changed.has('photo')) this.photoFailed = false;
  }

  #photoError() {
    this.photoFailed = true;
  }

  /** Downloads the contact as a vCard (.vcf). */
  #downloadVcard() {
    const [name, jobTitle, organisation] = this.#texts;
    const text = vcard({name, jobTitle, organisation, phone: this.#tel?.e164, email: this.#mail, photo: this.#img});
    download(text, fileName(name || organisation, 'vcf', 'kontakt'), 'text/vcard', this);
  }

  protected override render() {
    const [name, job, org] = this.#texts;
    const tel = this.#tel;
    const mail = this.#mail;
    const title = name || org;
    if (!title && !tel && !mail) return html`<slot></slot>`;
    // No white space between tags: Lit ships template text as written.
    const line = (part: string, text: string) => (text ? html`<p part=${part} class=${part}>${text}</p>` : nothing);
    const item = (caption: string, part: string, href: string, text: unknown) =>
      html`<div><dt part="caption">${caption}</dt><dd><a part=${part} class=${part} href=${href}>${text}</a></dd></div>`;
    const photo =
      this.#img && !this.photoFailed
        ? html`<img class="photo" part="photo" src=${this.#img} alt="" @error=${this.#photoError}>`
        : nothing;
    // Long addresses break before "@" and "." (a <wbr> is not copied with the text).
    const address = mail?.split(/(?=[@.])/).map((p, i) => (i ? html`<wbr>${p}` : p));
    const details =
      tel || mail
        ? html`<dl part="details">${tel ? item(msg('Telefon'), 'phone', `tel:${tel.e164}`, tel.display) : nothing}${
            mail ? item(msg('E-Mail'), 'email', `mailto:${mail.replace(/[^\w.@+-]/g, encodeURIComponent)}`, address) : nothing
          }</dl>`
        : nothing;
    return html`<div class="card" part="base">${photo}<div class="text">${line('name', title)}${line('job-title', job)}${line(
      'organisation',
      name && org,
    )}${details}<button class="button secondary" part="button" @click=${this.#downloadVcard}>${msg('Kontakt speichern (.vcf)')}<span
      class="visually-hidden">: ${title}</span></button></div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kp-contact-card': KpContactCard;
  }
}
