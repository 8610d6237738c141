// Tests of scripts/msg-ids.mjs: the build's numbering of msg() calls.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {numberMessages} from '../../scripts/msg-ids.mjs';

const ids = new Map(['Senden', 'Noch {0} Zeichen', '{0}: noch {1}.', '{0}, {1} Uhr ({2})', 'Ja', 'Nein'].map((t, i) => [t, i]));
const fail = (message) => {
  throw new Error(message);
};
const number = (code) => numberMessages(code, 'x.ts', ids, fail);
const head = "import {msg, str} from '@lit/localize';\n";
// What the build leaves of it: str`` is consumed by the numbering (src/shared/lit-localize.ts has no str).
const built = "import {msg} from '@lit/localize';\n";

test('msg-ids: texts and str`` templates become numbers and values, options go', () => {
  assert.equal(
    number(`${head}a(msg('Senden'), msg(\`Ja\`), msg(str\`Noch \${n + 1} Zeichen\`), msg(str\`\${label}: noch \${words}.\`));`),
    `${built}a(msg(0), msg(4), msg(1, n + 1), msg(2, label, words));`,
  );
  assert.equal(number(`${head}msg(str\`\${d}, \${t} Uhr (\${z})\`, {id: 'deadline-in-words'})`), `${built}msg(3, d, t, z)`);
});

test('msg-ids: a msg() inside a value is numbered too; other names are left alone', () => {
  assert.equal(number(`${head}msg(str\`Noch \${b ? msg('Ja') : msg('Nein')} Zeichen\`)`), `${built}msg(1, b ? msg(4) : msg(5))`);
  assert.equal(number(`${head}o.msg('Senden'); ({msg: 1});`), `${built}o.msg('Senden'); ({msg: 1});`);
  assert.equal(number("import {msg as m} from '@lit/localize';\nm('Senden')"), "import {msg as m} from '@lit/localize';\nm(0)");
  assert.equal(number("msg('Unbekannt')"), null);
});

test('msg-ids: the import of str goes wherever it stands; str outside msg(str``) fails', () => {
  assert.equal(number("import {str as s, msg} from '@lit/localize';\nmsg(s`Ja`)"), "import {msg} from '@lit/localize';\nmsg(4)");
  assert.equal(number("import {msg} from '@lit/localize';\nimport {str} from '@lit/localize';\nmsg(str`Ja`)"), "import {msg} from '@lit/localize';\n\nmsg(4)");
  assert.throws(() => number(`${head}const t = str\`Ja\`; msg(t)`), /x\.ts:2:11: str is used other than as msg\(str`…`\)/);
  assert.throws(() => number(`${head}a(str\`Ja\`)`), /str is used other than as msg/);
  assert.throws(() => number("import {str} from '@lit/localize';\nstr`Ja`"), /str is imported without msg/);
});

test('msg-ids: a text not in the table, or a msg() it cannot read, fails', () => {
  assert.throws(() => number(`${head}msg('Unbekannt')`), /x\.ts:2:5: msg\("Unbekannt"\) is not in src\/generated\/messages\.json/);
  assert.throws(() => number(`${head}msg(text)`), /x\.ts:2:1: msg\(\) needs a literal text/);
  assert.throws(() => number(`${head}[1].map(msg)`), /msg is used other than called/);
});
