/**
 * The form kit's renderers: pure functions from a field's description and
 * state to a lit-html template (no element, nothing stored). `KpForm.field()`
 * and `KpForm.render()` call them while rendering, so `msg()` answers in the
 * element's language.
 *
 * Fields, the GOV.UK way: label, hint, error and control in one shadow tree;
 * `aria-describedby` → hint, then error; `aria-invalid`; a visually hidden
 * "Fehler:" before each message; optional fields say "(optional)", required
 * ones carry `aria-required`. A required choice (select, radios, checkboxes)
 * left empty reads "Bitte wählen Sie …". Ids: control `f-<name>` (first option
 * of a group; the others `f-<name>-<i>`), hint `h-<name>`, error `e-<name>`.
 */
import {html, nothing, type TemplateResult} from 'lit-html';
import {msg} from '@lit/localize';
import {errorMessage} from './messages.js';

export interface Field {
  name: string;
  label: unknown;
  /** An `<input>` type (default `text`), or `textarea`, `select`, `radios`, `checkboxes` (an array value), `checkbox` (a boolean). */
  type?: string;
  /** Always give one (`email`, `name`, `tel`, `organization`, …); default `off`. */
  autocomplete?: string;
  inputmode?: string;
  /** Shown under the label; text or a template. */
  hint?: unknown;
  optional?: boolean;
  /** `[value, label]` for select, radios and checkboxes. */
  options?: Options;
}
export type Options = readonly (readonly [string, string])[];

/**
 * A field with its `value` and error `code` (or the receiver's text; none:
 * valid): its template, and the error summary's line for it ("E-Mail-Adresse:
 * Bitte …") when invalid. `optionNodes(name, options, value)` gives a select's
 * options as DOM nodes (the form makes them once per list).
 */
export function renderField(
  f: Field,
  value: unknown,
  code: string | undefined,
  optionNodes: (name: string, options: Options, text: string) => DocumentFragment,
): [TemplateResult, string | undefined] {
  const {name, label, type = 'text', options = [], hint, optional} = f;
  const single = type === 'checkbox';
  const group = type === 'radios' || type === 'checkboxes';
  const error = code && errorMessage(code === 'required' && (group || type === 'select') ? 'choice' : code);
  // The summary names the field ("E-Mail-Adresse: …"); a single checkbox's message says enough.
  const line = error ? (single ? error : `${label}: ${error}`) : undefined;
  const id = `f-${name}`;
  const described = [hint && `h-${name}`, error && `e-${name}`].filter(Boolean).join(' ') || nothing;
  const invalid = error ? 'true' : nothing;
  const required = optional ? nothing : 'true';
  const auto = f.autocomplete ?? 'off';
  const text = String(value ?? '');
  const head = html`${label}${optional ? html` <span class="optional">(${msg('optional')})</span>` : nothing}`;
  const tip = hint ? html`<div id="h-${name}" class="hint" part="hint">${hint}</div>` : nothing;
  const message = error
    ? html`<p id="e-${name}" class="error" part="error"><span class="visually-hidden">${msg('Fehler:')}</span> ${error}</p>`
    : nothing;
  const box = (v: string, t: unknown, i: number, bid = i ? `${id}-${i}` : id) =>
    html`<div class="check"><input id=${bid} type=${type === 'radios' ? 'radio' : 'checkbox'} name=${name} value=${v} .checked=${single ? !!value : [value].flat().includes(v)} aria-invalid=${invalid} aria-describedby=${single ? described : nothing} aria-required=${single ? required : nothing}><label for=${bid} part="label">${t}</label></div>`;
  const cls = `field${error ? ' invalid' : ''}`;
  const template = single
    ? html`<div class=${cls} part="field">${message}${box('true', head, 0)}${tip}</div>`
    : group
      ? html`<fieldset class=${cls} part="field" aria-describedby=${described}><legend part="label">${head}</legend>${tip}${message}${options.map(([v, t], i) => box(v, t, i))}</fieldset>`
      : html`<div class=${cls} part="field"><label for=${id} part="label">${head}</label>${tip}${message}${
          type === 'select'
            ? html`<select id=${id} name=${name} autocomplete=${auto} .value=${text} aria-invalid=${invalid} aria-describedby=${described} aria-required=${required}>${optionNodes(name, options, text)}</select>`
            : type === 'textarea'
              ? html`<textarea id=${id} name=${name} rows="6" autocomplete=${auto} .value=${text} aria-invalid=${invalid} aria-describedby=${described} aria-required=${required}></textarea>`
              : html`<input id=${id} name=${name} type=${type} autocomplete=${auto} inputmode=${f.inputmode ?? nothing} .value=${text} aria-invalid=${invalid} aria-describedby=${described} aria-required=${required}>`
        }</div>`;
  return [template, line];
}

/**
 * The error summary at the top of the form: "Es gibt ein Problem" and a link
 * to each invalid field (`lines`: field name → text); `jump` handles a click
 * on a link. Nothing when there are no errors.
 */
export function renderErrorSummary(lines: readonly (readonly [string, string])[], jump: (e: Event) => void): TemplateResult | typeof nothing {
  return lines.length
    ? html`<div class="summary" part="error-summary" role="alert" tabindex="-1"><h2>${msg('Es gibt ein Problem')}</h2><ul @click=${jump}>${lines.map(([name, text]) => html`<li><a href="#f-${name}">${text}</a></li>`)}</ul></div>`
    : nothing;
}
