/**
 * The interest form's floor (issue 23): a Lit form with the same visible
 * controls as `<kp-interest-form>` on the host page (labels, text inputs, the
 * two selects with one option, radios, checkboxes, a textarea, the button),
 * laid out like it, and its deadline line written with `Intl.DateTimeFormat`
 * as bench/floor-dated.ts writes it (the host page's form has a deadline).
 * No logic: no validation, no draft, no sending. Built like the real file.
 */
import {LitElement, css, html} from 'lit';
import {deadlineWords} from './floor-words.js';

const text = (id: string, label: string, type = 'text') =>
  html`<div class="field"><label for=${id}>${label}</label><input id=${id} name=${id} type=${type} /></div>`;
const select = (id: string, label: string, option: string) =>
  html`<div class="field"><label for=${id}>${label}</label><select id=${id} name=${id}><option selected>${option}</option></select></div>`;
const checks = (name: string, legend: string, type: 'radio' | 'checkbox', labels: string[]) =>
  html`<fieldset class="field">
    <legend>${legend}</legend>
    ${labels.map((l, i) => html`<div class="check"><input id=${`${name}-${i}`} type=${type} name=${name} value=${i} /><label for=${`${name}-${i}`}>${l}</label></div>`)}
  </fieldset>`;

class KpFloorForm extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: inherit;
    }
    form {
      max-width: 40rem;
    }
    .field,
    .group {
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      padding: 0;
    }
    .check label {
      font-weight: 400;
    }
    .group > legend {
      font-size: 1.2em;
      margin-bottom: 0.5em;
    }
    input,
    select,
    textarea {
      font: inherit;
      border: 2px solid #505a5f;
      border-radius: 0;
    }
    input:not([type='checkbox'], [type='radio']),
    select,
    textarea {
      display: block;
      width: 100%;
      min-height: 44px;
      margin-top: 0.25em;
      padding: 0.4em;
    }
    .check {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
      margin: 0.5em 0;
    }
    .check input {
      flex: none;
      width: 1.5em;
      height: 1.5em;
      margin: 0;
    }
  `;

  override render() {
    const words = deadlineWords();
    return html`<form novalidate>
      <p>Ende der Frist: <time>${words}</time></p>
      <fieldset class="group">
        <legend>Kommune</legend>
        ${text('municipality', 'Name der Kommune')} ${checks('type', 'Art der Kommune', 'radio', ['Stadt', 'Gemeinde', 'Kreis', 'Andere'])}
        ${select('country', 'Land', 'Deutschland')} ${select('state', 'Bundesland', 'Bitte wählen')} ${text('population', 'Einwohnerzahl (optional)')}
      </fieldset>
      <fieldset class="group">
        <legend>Ansprechperson</legend>
        ${text('name', 'Name')} ${text('department', 'Amt oder Funktion (optional)')} ${text('email', 'E-Mail-Adresse', 'email')}
        ${text('phone', 'Telefon (optional)', 'tel')}
      </fieldset>
      <fieldset class="group">
        <legend>Partnerschaft</legend>
        ${checks('partnership', 'Stand der Partnerschaft', 'radio', ['Partnerschaft besteht', 'Erste Kontakte', 'Noch keine'])}
      </fieldset>
      ${checks('languages', 'Arbeitssprachen mit der Partnerkommune', 'checkbox', ['Deutsch', 'Englisch', 'Französisch', 'Spanisch', 'Portugiesisch'])}
      <div class="field">
        <label for="motivation">Motivation</label>
        <div>Noch 2.000 Zeichen</div>
        <textarea id="motivation" name="motivation" rows="6"></textarea>
      </div>
      ${checks('workshop', '', 'checkbox', ['Ich möchte am Informationsworkshop teilnehmen (optional)'])}
      <p>Wie wir Ihre Angaben verwenden: <a href="/datenschutz">Datenschutzerklärung</a></p>
      <button>Senden</button>
    </form>`;
  }
}

customElements.define('kp-floor-form', KpFloorForm);
