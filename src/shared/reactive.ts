/**
 * The part of Lit's ReactiveElement that our elements use, on top of
 * lit-html: declared properties (attribute ↔ property, `state`, Boolean),
 * batched updates in a microtask (`willUpdate` → `render` → `updated`,
 * `updateComplete`, `requestUpdate`), and styles adopted into an open shadow
 * root. Lit's ReactiveElement also brings decorators, controllers, converters
 * and reflection, which we do not use: this file is about a fifth of its size
 * and saves about 2 KB gzip in the embedded file.
 *
 * Two things differ from Lit on purpose:
 * - Defaults: give every attribute's property an initializer (`mode = 'json'`,
 *   `action?: string = undefined`): the first value set is the default, and a
 *   removed attribute or a property set to null or undefined returns to it.
 * - Failure: if the styles or an update throw, or a CSP refuses the <style>
 *   fallback of an engine without constructable sheets, the element shows its
 *   light-DOM fallback (through a `<slot>`) from then on, says why in one
 *   `console.error`, and `updateComplete` resolves to false.
 *
 * It depends on `useDefineForClassFields: false` in tsconfig.json (which Vite,
 * esbuild in the tests and tsc all read). The properties are accessors on the
 * prototype (`attributes()` below); a class field's initializer must run as an
 * assignment (`this.mode = 'json'`), through the setter, which records the
 * default and asks for an update. With `true` (the default for target ES2022)
 * each field becomes an own data property of the instance, defined after this
 * constructor: it hides the accessor, so attributes, defaults and updates all
 * stop working without an error. test/node/class-fields.test.mjs fails if the
 * setting changes, and test/shared/reactive.test.ts shows the effect.
 */
import {render, nothing} from 'lit-html';

export interface PropertyDeclaration {
  /** The attribute's name (default: the property's name in lower case); false: none. */
  attribute?: string | false;
  /** Boolean: present attribute = true. Otherwise the attribute's text (or null). */
  type?: BooleanConstructor;
  /** Internal state: no attribute. */
  state?: boolean;
}
export type PropertyDeclarations = Record<string, PropertyDeclaration>;
/**
 * Changed properties with their previous values, as in Lit: `PropertyValues<this>`
 * takes only names of `this`'s public members, so `changed.has('typo')` does not
 * compile (test/shared/property-values.test.ts). Protected and private members are
 * not in `keyof this`: make a property public to test it here.
 */
export type PropertyValues<T = unknown> = T extends object ? PropertyValueMap<T> : Map<PropertyKey, unknown>;
export interface PropertyValueMap<T> extends Map<PropertyKey, unknown> {
  get<K extends keyof T>(key: K): T[K] | undefined;
  set<K extends keyof T>(key: K, value: T[K]): this;
  has<K extends keyof T>(key: K): boolean;
  delete<K extends keyof T>(key: K): boolean;
}

export interface CSSResult {
  readonly cssText: string;
  sheet?: CSSStyleSheet;
}
export type CSSResultGroup = CSSResult | readonly CSSResultGroup[];

/** Styles for `static styles` (no interpolation). */
export const css = (strings: TemplateStringsArray): CSSResult => ({cssText: strings[0]});

type Ctor = typeof ReactiveBase;
let told = false;

/**
 * Puts `styles` into `root`: adopted constructable style sheets, or where an
 * engine has none (Safari before 16.4) a <style> element each. False if the
 * page's CSP refused a <style> (no 'unsafe-inline' for styles).
 */
export function addStyles(root: ShadowRoot, styles: CSSResult[]): boolean {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    root.adoptedStyleSheets = styles.map((s) => {
      if (!s.sheet) (s.sheet = new CSSStyleSheet()).replaceSync(s.cssText);
      return s.sheet;
    });
    return true;
  }
  return styles.every((s) => {
    const style = root.appendChild(document.createElement('style'));
    style.textContent = s.cssText;
    return !!style.sheet;
  });
}
/** An attribute's property, and whether it is Boolean (present = true). */
type Attribute = readonly [property: string, boolean: boolean];
const attributeMaps = new WeakMap<Ctor, Map<string, Attribute>>();

/** Attribute → property of `ctor`, defining the property accessors on first use. */
function attributes(ctor: Ctor): Map<string, Attribute> {
  let map = attributeMaps.get(ctor);
  if (!map) {
    map = ctor === ReactiveBase ? new Map() : new Map(attributes(Object.getPrototypeOf(ctor)));
    if (Object.hasOwn(ctor, 'properties')) {
      for (const [name, d] of Object.entries(ctor.properties!)) {
        // An attribute's text property holds text, whatever a script sets (a number, an array).
        const text = !d.state && d.type !== Boolean;
        if (!d.state && d.attribute !== false) map.set(d.attribute || name.toLowerCase(), [name, !text]);
        Object.defineProperty(ctor.prototype, name, {
          get(this: ReactiveBase) {
            return this.values_.get(name);
          },
          set(this: ReactiveBase, value: unknown) {
            // The first value set is the default (the class field's initializer, run
            // in the constructor); null or undefined (a removed attribute, a
            // framework clearing a property) return to it.
            if (text && value !== null && value !== undefined) value = String(value);
            const defaults = this.defaults_;
            if (defaults.has(name)) value ??= defaults.get(name);
            else defaults.set(name, value);
            const old = this.values_.get(name);
            if (old !== value) {
              this.values_.set(name, value);
              this.requestUpdate(name, old);
            }
          },
          configurable: true,
        });
      }
    }
    attributeMaps.set(ctor, map);
  }
  return map;
}

export class ReactiveBase extends HTMLElement {
  // Declared only (no initializer, so nothing to run for the base class); subclasses give
  // them as static getters or fields.
  static properties?: PropertyDeclarations;
  static styles?: CSSResultGroup;

  static get observedAttributes(): string[] {
    return [...attributes(this).keys()];
  }

  /** Property values behind the accessors, and each one's default. */
  protected values_ = new Map<string, unknown>();
  protected defaults_ = new Map<string, unknown>();
  renderRoot!: ShadowRoot;
  #changed = new Map<PropertyKey, unknown>();
  #pending?: Promise<boolean>;
  #enable!: () => void;
  #ready = new Promise<void>((resolve) => (this.#enable = resolve));
  /** Values set on the element before it upgraded (they would hide the accessors). */
  #early: [string, unknown][] = [];
  /** Styles or rendering threw: the element shows its fallback content from then on. */
  #failed = false;

  constructor() {
    super();
    const ctor = this.constructor as Ctor;
    for (const [name] of attributes(ctor).values()) {
      if (Object.hasOwn(this, name)) {
        this.#early.push([name, (this as never)[name]]);
        delete (this as never as Record<string, unknown>)[name];
      }
    }
    this.requestUpdate();
  }

  connectedCallback(): void {
    // Values set before the upgrade, now through the accessors (before a subclass reads them).
    for (const [name, value] of this.#early.splice(0)) (this as never as Record<string, unknown>)[name] = value;
    if (!this.renderRoot && !this.#failed) {
      try {
        const styles = [(this.constructor as Ctor).styles ?? []].flat(Infinity as 1) as CSSResult[];
        if (!addStyles((this.renderRoot = this.attachShadow({mode: 'open'})), styles)) {
          // Unstyled is unusable: the fallback content (light DOM) shows instead, for good; one error a page.
          this.#failed = true;
          this.renderRoot.replaceChildren(document.createElement('slot'));
          if (!told) console.error(`<${this.localName}>: CSP style-src refused its styles`);
          told = true;
        }
      } catch (error) {
        this.#fail(error);
      }
    }
    this.#enable();
  }

  disconnectedCallback(): void {}

  /** Gives up rendering for good: the light-DOM fallback shows (through a slot), and one console error says why. */
  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    console.error(`<${this.localName}> could not render; its fallback content stays.`, error);
    this.renderRoot?.replaceChildren(document.createElement('slot'));
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const [name, boolean] = attributes(this.constructor as Ctor).get(attribute)!;
    (this as never as Record<string, unknown>)[name] = boolean ? value !== null : value;
  }

  /** Asks for an update (in a microtask); `name` and `old` record what changed. */
  requestUpdate(name?: PropertyKey, old?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, old);
    this.#pending ??= this.#update();
  }

  async #update(): Promise<boolean> {
    await this.#ready;
    const changed = this.#changed;
    this.#guard(() => {
      this.willUpdate(changed);
      this.update(changed);
    });
    this.#changed = new Map();
    this.#pending = undefined;
    this.#guard(() => this.updated(changed));
    return !this.#failed;
  }

  #guard(fn: () => void): void {
    try {
      if (!this.#failed) fn();
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Resolves once no update is pending: true, or false once rendering has failed. */
  get updateComplete(): Promise<boolean> {
    return this.#pending ? this.#pending.then(() => this.updateComplete) : Promise.resolve(!this.#failed);
  }

  protected willUpdate(_changed: PropertyValues): void {}

  /** Renders into the shadow root. */
  protected update(_changed: PropertyValues): void {
    render(this.render(), this.renderRoot, {host: this});
  }

  protected updated(_changed?: PropertyValues): void {}

  protected render(): unknown {
    return nothing;
  }
}
