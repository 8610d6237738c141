// The posts each role writes: the same five widgets, once as the block
// editor saves them (Shortcode and Custom HTML blocks) and once as typed into
// the classic editor's Text tab (line breaks and blank lines that wpautop
// turns into paragraphs). Shortcodes and raw tags are mixed so both ways go
// through kses and wpautop. Every fallback text names its page, so a test can
// tell where it ended up.

/**
 * A label with characters that must be escaped on the way into the attribute.
 * No `<` or `>`: WordPress then no longer sees a shortcode in wptexturize and
 * curls its quotes (docs/embedding.md says so).
 */
export const LABEL = 'Frist "A&B" für C';
/** What an author tries: sending the forms elsewhere. */
export const HOSTILE_ACTION = 'https://evil.example/collect';

export const fallbacks = (id) => ({
  'kp-countdown': `Frist ${id}: 31. März 2027`,
  'kp-contact-card': `Kontakt ${id}: Erika Mustermann`,
  'kp-newsletter-signup': `Newsletter ${id}: bitte JavaScript einschalten`,
  'kp-interest-form': `Interessensbekundung ${id}: bitte JavaScript einschalten`,
  'kp-share': `Teilen ${id}: Adresse kopieren`,
});

const card = 'name="Erika Mustermann" job-title="Projektkoordination" organisation="Stadt Musterstadt" phone="0231 936960-14" email="erika@musterstadt.invalid"';

/**
 * Block-editor content (what the editor sends to the REST API). `hostile`: the
 * raw interest form names another receiver (as an author might try; a user
 * with unfiltered_html may, and gets it). Shortcodes always try it: their
 * action is ignored for everyone.
 */
export function blockPost(id, {hostile = false} = {}) {
  const f = fallbacks(id);
  const action = hostile ? ` action="${HOSTILE_ACTION}"` : '';
  return `<!-- wp:paragraph -->
<p>Seite ${id}.</p>
<!-- /wp:paragraph -->

<!-- wp:shortcode -->
[kp_countdown deadline="2027-03-31" label='${LABEL}']${f['kp-countdown']}[/kp_countdown]
<!-- /wp:shortcode -->

<!-- wp:html -->
<kp-contact-card ${card}>
  <p>${f['kp-contact-card']}</p>
</kp-contact-card>
<!-- /wp:html -->

<!-- wp:shortcode -->
[kp_newsletter_signup with-name action="${HOSTILE_ACTION}"]${f['kp-newsletter-signup']}[/kp_newsletter_signup]
<!-- /wp:shortcode -->

<!-- wp:html -->
<kp-interest-form${action} privacy-url="/datenschutz/">
  <p>${f['kp-interest-form']}</p>
</kp-interest-form>
<!-- /wp:html -->

<!-- wp:shortcode -->
[kp_share networks="mastodon linkedin" title="Klimapartnerschaften"]${f['kp-share']}[/kp_share]
<!-- /wp:shortcode -->`;
}

/** Classic-editor content, as typed into the Text tab; its newsletter form speaks English (`lang`). */
export function classicPost(id, {hostile = false} = {}) {
  const f = fallbacks(id);
  const action = hostile ? ` action="${HOSTILE_ACTION}"` : '';
  return `Seite ${id}.

[kp_countdown deadline="2027-03-31" label='${LABEL}']
${f['kp-countdown']}
[/kp_countdown]

<kp-contact-card ${card}>
<p>${f['kp-contact-card']}</p>
</kp-contact-card>

[kp_newsletter_signup with-name lang="en"]

${f['kp-newsletter-signup']}

[/kp_newsletter_signup]

<kp-interest-form${action}>
${f['kp-interest-form']}
</kp-interest-form>

[kp_share networks="mastodon"]${f['kp-share']}[/kp_share]`;
}

const esc = (v) => String(v).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The tags as written by hand (docs/embedding.md, WordPress without the plugin): every attribute in the tag. */
function byHandTags(id, {paragraphs}) {
  const f = fallbacks(id);
  const forms = 'action="/api/submit" privacy-url="/datenschutz/" lang="de"';
  const wrap = (text) => (paragraphs ? `<p>${text}</p>` : text);
  return [
    `<kp-countdown deadline="2027-03-31" label="${esc(LABEL)}" lang="de">${wrap(f['kp-countdown'])}</kp-countdown>`,
    `<kp-contact-card ${card} lang="de">${wrap(f['kp-contact-card'])}</kp-contact-card>`,
    `<kp-newsletter-signup with-name ${forms}>${wrap(f['kp-newsletter-signup'])}</kp-newsletter-signup>`,
    `<kp-interest-form ${forms}>${wrap(f['kp-interest-form'])}</kp-interest-form>`,
    `<kp-share networks="mastodon" lang="de">${wrap(f['kp-share'])}</kp-share>`,
  ];
}

/** By hand, block editor: one Custom HTML block. */
export const byHandBlockPost = (id) =>
  `<!-- wp:html -->\n${byHandTags(id, {paragraphs: true}).join('\n')}\n<!-- /wp:html -->`;

/** By hand, classic editor's Text tab: each tag with its fallback on one line, blank lines between. */
export const byHandClassicPost = (id) => byHandTags(id, {paragraphs: false}).join('\n\n');

/** A block comment as the block editor writes it (attributes as JSON; `<`, `>`, `&`, `"` escaped as serializeAttributes does). */
const block = (name, attributes) => `<!-- wp:klimapartner/${name} ${JSON.stringify(attributes)
  .replace(/--/g, '\\u002d\\u002d').replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
  .replace(/\\"/g, '\\u0022')} /-->`;

/** The deadline the blocks' countdown names (not the settings' default, so the page shows the block's own). */
export const BLOCK_DEADLINE = '2027-05-15T12:00';

/**
 * The five blocks, as the block editor saves them: only block comments with attributes (the fallback a
 * RichText's HTML). `hostile`: what an author might try (another receiver, a javascript: photo).
 */
export function blocksPost(id, {hostile = false} = {}) {
  const f = fallbacks(id);
  const extra = hostile ? {action: HOSTILE_ACTION} : {};
  return [
    block('countdown', {deadline: BLOCK_DEADLINE, label: LABEL, fallback: `<strong>${f['kp-countdown']}</strong>`, className: 'kp-frist'}),
    block('contact-card', {name: 'Erika Mustermann', jobTitle: 'Projektkoordination', organisation: 'Stadt Musterstadt',
      phone: '0231 936960-14', email: 'erika@musterstadt.invalid', photo: hostile ? 'javascript:alert(1)' : '/erika.jpg',
      fallback: f['kp-contact-card']}),
    block('newsletter-signup', {withName: true, ...extra, fallback: f['kp-newsletter-signup']}),
    block('interest-form', {draft: 'off', privacyUrl: '/datenschutz/', ...extra, fallback: f['kp-interest-form']}),
    block('share', {networks: 'mastodon linkedin', title: 'Klimapartnerschaften', fallback: f['kp-share']}),
  ].join('\n\n');
}
