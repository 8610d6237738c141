// Hostile values for every attribute and every field. Each would call the
// page's trap (`__pwn`, or `alert`, which the host page points at the trap)
// if it ever ran as markup or script; the rest test text handling.
const LONG = 'Klimapartnerschaft '.repeat(527).slice(0, 10_000);

export const PAYLOADS = [
  ['script tag', '<script>__pwn("script")</script>'],
  ['img onerror', '<img src=x onerror="__pwn(\'img\')">'],
  ['svg onload break-out', '"><svg onload=__pwn("svg")>'],
  ['attribute break-out', "' autofocus onfocus='__pwn(\"focus\")' x='"],
  ['javascript: URL', 'javascript:__pwn("js-url")'],
  ['javascript: URL, mixed case and spaces', ' JaVaScRiPt:alert(1)'],
  ['javascript: URL, entity-encoded', 'jav&#x09;ascript:alert(1)'],
  ['data: URL html', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript: URL', 'vbscript:msgbox(1)'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__pwn(\'iframe\')</script>"></iframe>'],
  ['style break-out', '</style><script>__pwn("style")</script>'],
  ['template literal', '${__pwn("tpl")}'],
  ['lit marker lookalike', '<!--?lit$123$-->{{__pwn()}}'],
  ['html comment', '<!-- --><b onmouseover=__pwn(1)>x</b>'],
  ['closing tags', '</kp-countdown></x-card></div></form><h1>Übernommen</h1>'],
  ['math/xmp mutation', '<math><mtext><table><mglyph><style><img src=x onerror=__pwn("mxss")>'],
  ['entities', '&lt;b&gt;fett&lt;/b&gt; &amp; &quot;Zitat&quot; &#39;'],
  ['RTL override U+202E', 'Rechnung\u202Efdp.exe'],
  ['zero-width characters', 'Mus\u200Bter\u200Cstadt\u200D\uFEFF'],
  ['bidi isolates and marks', '\u2066abc\u2069 \u200F\u061C'],
  ['10 000 characters', LONG],
  ['10 000 characters without a space', 'x'.repeat(10_000)],
  ['emoji and ZWJ sequences', '🌍🤝🏽 Klima 👩🏾‍🌾👨‍👩‍👧‍👦 🇩🇪🇵🇪'],
  ['combining characters (Zalgo)', 'Z̷̢̛a̶̡͝l̸̨̕g̵̢̛o̴̡͠'],
  ['string "null"', 'null'],
  ['string "undefined"', 'undefined'],
  ['string "NaN"', 'NaN'],
  ['string "[object Object]"', '[object Object]'],
  ['empty string', ''],
  ['only whitespace', ' \t\n '],
  ['SQL-ish', "Robert'); DROP TABLE submissions;--"],
  ['SQL-ish 2', "' OR '1'='1"],
  ['CSV formula', '=HYPERLINK("http://example.invalid","klick")'],
  ['control characters', 'a\u0000b\u0007c\u001Bd'],
  ['lone surrogate', 'a\uD800b'],
  ['prototype names', '__proto__'],
  ['JSON', '{"_form":"interest","__proto__":{"x":1}}'],
  ['CRLF header injection', 'x\r\nSet-Cookie: pwned=1'],
  ['percent-encoded', '%3Cscript%3E__pwn(1)%3C%2Fscript%3E'],
  ['CSS expression', 'red;background:url(javascript:__pwn(1))'],
];

/** A payload that contains markup or a URL scheme (only these could ever run). */
export const looksActive = (v) => /<|javascript:|data:|vbscript:|on\w+=/i.test(v);
