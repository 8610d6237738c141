// Snippet builder: form → the exact HTML and CSS to paste, and a live preview made of the
// same elements with the same CSS (as a constructable stylesheet: no inline style, so the
// page works under style-src 'self'). Nothing is sent anywhere. The page exists in German and
// English (demo/docs/de/builder.html, demo/docs/en/builder.html); its messages follow <html lang>,
// while what it writes (the tags and the CSS) is the same in both: the widgets' language is
// the one chosen in the form.
import {preUpgradeRules} from './pre-upgrade.js';

const TAGS = ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share'];
const DEFAULTS = {accent: '#00528a', onAccent: '#ffffff', focus: '#ffbf47'};
/** The page's own messages, by the page's language. */
const MESSAGES = {
  de: {
    noCss: '/* Nichts zu ergänzen: Es gelten die Standardwerte. */',
    contrast: (ratio) => `Akzentfarbe und ihr Text haben einen Kontrast von ${ratio.toFixed(1).replace('.', ',')}:1; nötig sind mindestens 4,5:1.`,
    copied: 'Kopiert',
    selected: 'Markiert: Strg+C drücken',
  },
  en: {
    noCss: '/* Nothing to add: the defaults are used. */',
    contrast: (ratio) => `Accent and its text have a contrast of ${ratio.toFixed(1)}:1; at least 4.5:1 is needed.`,
    copied: 'Copied',
    selected: 'Selected: press Ctrl+C',
  },
};
const say = MESSAGES[document.documentElement.lang] ?? MESSAGES.en;
const FALLBACK = {
  de: {
    deadline: (d) => `Frist: ${d}`,
    interest: (m) => `Bitte senden Sie Ihre Interessensbekundung per E-Mail an ${m}.`,
    newsletter: (m) => `Den Newsletter können Sie per E-Mail an ${m} bestellen.`,
    phone: 'Telefon',
    share: 'Link zu dieser Seite: bitte aus der Adresszeile kopieren.',
  },
  en: {
    deadline: (d) => `Deadline: ${d}`,
    interest: (m) => `Please send your expression of interest by e-mail to ${m}.`,
    newsletter: (m) => `To subscribe to the newsletter, write to ${m}.`,
    phone: 'Phone',
    share: 'To share this page, copy its address from the address bar.',
  },
};

const form = document.getElementById('builder');
const htmlOut = document.getElementById('html-out');
const cssOut = document.getElementById('css-out');
const preview = document.getElementById('preview');
const problems = document.getElementById('problems');
const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const escAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function read() {
  const data = new FormData(form);
  const v = (name) => String(data.get(name) ?? '').trim();
  return {
    src: v('src') || '/klimapartner-widgets.js',
    lang: v('lang'),
    countdown: data.has('countdown'),
    interest: data.has('interest'),
    contact: data.has('contact'),
    newsletter: data.has('newsletter'),
    share: data.has('share'),
    networks: v('networks').split(/\s+/).filter(Boolean).join(' '),
    deadline: v('deadline') && v('time') ? `${v('deadline')}T${v('time')}` : v('deadline'),
    label: v('label'),
    action: v('action'),
    mode: v('mode'),
    privacy: v('privacy'),
    fallbackMail: v('fallbackMail'),
    name: v('name'),
    jobTitle: v('jobTitle'),
    organisation: v('organisation'),
    phone: v('phone'),
    email: v('email'),
    photo: v('photo'),
    accent: v('accent'),
    onAccent: v('onAccent'),
    focus: v('focus'),
    radius: v('radius'),
    preUpgrade: data.has('preUpgrade'),
  };
}

/** The deadline as the fallback says it, e.g. "31. März 2027, 23:59" (read as written, no zone arithmetic). */
function dateText(o) {
  const [date, time = '23:59'] = o.deadline.split('T');
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return o.deadline;
  const day = new Intl.DateTimeFormat(o.lang || 'de', {dateStyle: 'long', timeZone: 'UTC'}).format(Date.UTC(y, m - 1, d));
  return `${day}, ${time}`;
}

/** The elements to write: [tag, [[attribute, value]…], fallback text]. */
function model(o) {
  const words = FALLBACK[o.lang] ?? (o.lang ? FALLBACK.en : FALLBACK.de);
  const lang = o.lang ? [['lang', o.lang]] : [];
  const attrs = (pairs) => [...pairs.filter(([, value]) => value !== ''), ...lang];
  const formAttrs = [['action', o.action], ['mode', o.mode === 'json' ? '' : o.mode], ['privacy-url', o.privacy]];
  const items = [];
  if (o.countdown) {
    items.push(['kp-countdown', attrs([['deadline', o.deadline], ['label', o.label]]), words.deadline(dateText(o))]);
  }
  if (o.interest) {
    items.push(['kp-interest-form', attrs([...formAttrs, ['deadline', o.deadline]]), words.interest(o.fallbackMail)]);
  }
  if (o.contact) {
    const text = [o.name, o.organisation, o.phone && `${words.phone} ${o.phone}`, o.email].filter(Boolean).join(', ');
    items.push([
      'kp-contact-card',
      attrs([['name', o.name], ['job-title', o.jobTitle], ['organisation', o.organisation], ['phone', o.phone], ['email', o.email], ['photo', o.photo]]),
      text,
    ]);
  }
  if (o.newsletter) {
    items.push(['kp-newsletter-signup', attrs(formAttrs), words.newsletter(o.fallbackMail)]);
  }
  if (o.share) {
    items.push(['kp-share', attrs([['networks', o.networks]]), words.share]);
  }
  return items;
}

function htmlText(o, items) {
  const lines = [`<script type="module" src="${escAttr(o.src)}"></script>`, ''];
  for (const [tag, attrs, text] of items) {
    const open = [tag, ...attrs.map(([a, v]) => `${a}="${escAttr(v)}"`)];
    let head = `<${open[0]}`;
    let line = head;
    const out = [];
    for (const part of open.slice(1)) {
      if ((line + ' ' + part).length > 100) {
        out.push(line);
        line = '  ' + part;
      } else line += ' ' + part;
    }
    out.push(line + '>');
    lines.push(...out, `  <p>${escText(text)}</p>`, `</${tag}>`, '');
  }
  return lines.join('\n').trimEnd() + '\n';
}

function cssText(o, items) {
  const tags = items.map(([tag]) => tag);
  if (!tags.length) return '';
  const props = [
    o.accent !== DEFAULTS.accent && `  --kp-color-accent: ${o.accent};`,
    o.onAccent !== DEFAULTS.onAccent && `  --kp-color-on-accent: ${o.onAccent};`,
    o.focus !== DEFAULTS.focus && `  --kp-color-focus: ${o.focus};`,
    o.radius && `  --kp-radius: ${o.radius};`,
  ].filter(Boolean);
  const out = [];
  if (props.length) out.push(`${tags.join(',\n')} {\n${props.join('\n')}\n}`);
  if (o.preUpgrade) {
    out.push('/* Reserve the space until the file has loaded, so nothing jumps. */');
    out.push(...preUpgradeRules(tags));
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

/** Luminance contrast of two #rrggbb colours (WCAG). */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, b2] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

let rendering = Promise.resolve();

async function update() {
  const o = read();
  const items = model(o);
  const html = htmlText(o, items);
  const css = cssText(o, items);
  htmlOut.textContent = html;
  cssOut.textContent = css || say.noCss;
  sheet.replaceSync(css);

  const notes = [];
  if (contrast(o.accent, o.onAccent) < 4.5) {
    notes.push(say.contrast(contrast(o.accent, o.onAccent)));
  }
  // Build the preview from the same model (DOM, not markup), and report the elements' own
  // console errors (bad deadline, phone, action …) here too.
  rendering = rendering.then(async () => {
    const errors = [];
    const original = console.error;
    console.error = (...args) => {
      errors.push(args.map(String).join(' '));
      original.apply(console, args);
    };
    try {
      const nodes = items.map(([tag, attrs, text]) => {
        const el = document.createElement(tag);
        for (const [a, v] of attrs) el.setAttribute(a, v);
        el.setAttribute('draft', 'off');
        const p = document.createElement('p');
        p.textContent = text;
        el.append(p);
        return el;
      });
      preview.replaceChildren(...nodes);
      await Promise.all(nodes.map((n) => n.updateComplete));
    } finally {
      console.error = original;
    }
    problems.textContent = [...notes, ...errors].join(' ');
  });
}

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy).textContent;
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = say.copied;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(button.dataset.copy));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      button.textContent = say.selected;
    }
    setTimeout(() => (button.textContent = label), 2000);
  });
}

let timer;
form.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(update, 200);
});
form.addEventListener('change', update);
// The file defines its tags one per task: render the preview again once all are there.
Promise.all(TAGS.map((t) => customElements.whenDefined(t))).then(update);
update();
