/**
 * Render helpers for form fields, the GOV.UK way: label, hint, error and
 * control in one shadow tree; `aria-describedby` → hint, then error;
 * `aria-invalid`; a visually hidden "Fehler:" before each message; optional
 * fields say "(optional)", required ones carry `aria-required`.
 * Ids: control `f-<name>` (first option of a group), hint `h-<name>`, error `e-<name>`.
 *
 * Usage (inside a KpForm's `fields()`, which passes itself as `form`):
 *   field(this, {name: 'email', label: msg('E-Mail-Adresse'), type: 'email', autocomplete: 'email'})
 *   field(this, {name: 'country', label: …, type: 'select', options: [['DE', 'Deutschland'], …]})
 *   fieldset(msg('Partnerschaft'), html`${field(this, …)}${field(this, …)}`)
 */
import {html, nothing, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';

export interface Field {
  name: string;
  label: string;
  /** An `<input>` type (default `text`), or `textarea`, `select`, `radios`, `checkboxes` (an array value), `checkbox` (a boolean). */
  type?: string;
  /** Always give one (`email`, `name`, `tel`, `organization`, …); default `off`. */
  autocomplete?: string;
  inputmode?: string;
  /** Shown under the label; text or a template. */
  hint?: unknown;
  optional?: boolean;
  /** `[value, label]` for select, radios and checkboxes. */
  options?: readonly (readonly [string, string])[];
}

/** What a field reads from its form. */
export interface FieldHost {
  values: Record<string, unknown>;
  /** The message to show at `name`, if any. */
  errorAt(name: string): string | undefined;
  /** Remembers the label (the error summary names the field). */
  labels: Record<string, string>;
}

export function field(form: FieldHost, f: Field): TemplateResult {
  const {name, type = 'text', options = []} = f;
  const value = form.values[name];
  const error = form.errorAt(name);
  const id = `f-${name}`;
  // The summary names the field ("E-Mail-Adresse: …"); a single checkbox's message says enough.
  if (type != 'checkbox') form.labels[name] = f.label;
  const described = [f.hint && `h-${name}`, error && `e-${name}`].filter(Boolean).join(' ') || nothing;
  const invalid = error ? 'true' : nothing;
  const required = f.optional ? nothing : 'true';
  const auto = f.autocomplete ?? 'off';
  const cls = `field${error ? ' invalid' : ''}`;
  const label = html`${f.label}${f.optional ? html` <span class="optional">(${msg('optional')})</span>` : nothing}`;
  const hint = f.hint ? html`<div id="h-${name}" class="hint" part="hint">${f.hint}</div>` : nothing;
  const message = error
    ? html`<p id="e-${name}" class="error" part="error"><span class="visually-hidden">${msg('Fehler:')}</span> ${error}</p>`
    : nothing;
  const single = type == 'checkbox';
  const box = (v: string, text: unknown, i: number, bid = i ? `${id}-${i}` : id) =>
    html`<div class="check"><input id=${bid} type=${type == 'radios' ? 'radio' : 'checkbox'} name=${name} value=${v} .checked=${single ? !!value : [value].flat().includes(v)} aria-invalid=${invalid} aria-describedby=${single ? described : nothing} aria-required=${single ? required : nothing}><label for=${bid} part="label">${text}</label></div>`;

  if (single) return html`<div class=${cls} part="field">${message}${box('true', label, 0)}${hint}</div>`;
  if (type == 'radios' || type == 'checkboxes') {
    return html`<fieldset class=${cls} part="field" aria-describedby=${described}><legend part="label">${label}</legend>${hint}${message}${options.map(([v, text], i) => box(v, text, i))}</fieldset>`;
  }
  const control =
    type == 'select'
      ? html`<select id=${id} name=${name} autocomplete=${auto} aria-invalid=${invalid} aria-describedby=${described} aria-required=${required}>${options.map(([v, text]) => html`<option value=${v} ?selected=${value == v}>${text}</option>`)}</select>`
      : type == 'textarea'
        ? html`<textarea id=${id} name=${name} rows="6" autocomplete=${auto} .value=${String(value ?? '')} aria-invalid=${invalid} aria-describedby=${described} aria-required=${required}></textarea>`
        : html`<input id=${id} name=${name} type=${type} autocomplete=${auto} inputmode=${f.inputmode ?? nothing} .value=${String(value ?? '')} aria-invalid=${invalid} aria-describedby=${described} aria-required=${required}>`;
  return html`<div class=${cls} part="field"><label for=${id} part="label">${label}</label>${hint}${message}${control}</div>`;
}

/** A group of fields under a legend. */
export const fieldset = (legend: unknown, content: unknown): TemplateResult =>
  html`<fieldset class="group" part="group"><legend part="legend">${legend}</legend>${content}</fieldset>`;
