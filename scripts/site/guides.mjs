// The guides (docs/*.md) as pages of the site, read as they are: no front matter needed.
// The title is the first `# ` heading; the order in the navigation is ORDER, then any other
// guide by file name (a new guide appears by itself).
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {GUIDES_DIR} from './paths.mjs';

const ORDER = ['embedding', 'wordpress', 'typo3', 'styling', 'events', 'receiver', 'forms', 'security', 'choices', 'performance', 'architecture'];

export function guides(dir = GUIDES_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const name = file.slice(0, -3);
      const text = readFileSync(join(dir, file), 'utf8');
      const title = text.match(/^# +(.+)$/m)?.[1].trim() ?? name;
      const rank = ORDER.indexOf(name);
      return {name, file: join(dir, file), text, title, order: 100 + (rank < 0 ? ORDER.length : rank)};
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
