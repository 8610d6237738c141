// Themes page: switches the theme stylesheet (an external file, so it works under
// style-src 'self') and shows its source (or, for the default, a comment in the page's language).
const link = document.createElement('link');
link.rel = 'stylesheet';
link.id = 'kp-theme';
document.head.append(link);
const source = document.getElementById('theme-source');
const buttons = document.querySelectorAll('[data-theme]');
const NO_THEME = document.documentElement.lang === 'de' ? '/* Standard: keine Theme-Datei. */' : '/* Default: no theme file. */';

async function use(theme) {
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.theme === theme));
  if (!theme) {
    link.removeAttribute('href');
    source.textContent = NO_THEME;
  } else {
    const url = new URL(`../../themes/${theme}.css`, import.meta.url);
    link.href = url.href;
    source.textContent = await (await fetch(url)).text();
  }
  const u = new URL(location.href);
  if (theme) u.searchParams.set('theme', theme);
  else u.searchParams.delete('theme');
  history.replaceState(null, '', u);
}

for (const b of buttons) b.addEventListener('click', () => use(b.dataset.theme));
use(new URLSearchParams(location.search).get('theme') ?? '');
