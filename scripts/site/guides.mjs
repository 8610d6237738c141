// The guides (docs/*.md) as pages of the site, read as they are: no front matter needed.
// The title is the first `# ` heading; the order in the navigation is ORDER, then any other
// guide by file name (a new guide appears by itself). The German guide of docs/x.md is
// docs/de/x.md (same headings' order, its own words); `german` is null while there is none.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
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
      const deFile = join(dir, 'de', file);
      const german = existsSync(deFile) ? readFileSync(deFile, 'utf8') : null;
      const deTitle = german?.match(/^# +(.+)$/m)?.[1].trim() ?? title;
      return {name, file: join(dir, file), text, title, order: 100 + (rank < 0 ? ORDER.length : rank), german, deFile, deTitle};
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
