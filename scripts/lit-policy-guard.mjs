// A Vite plugin for the embedded file: lit-html creates its Trusted Types
// policy "lit-html" when the module loads. Under a CSP with
// `trusted-types lit-html` (without 'allow-duplicates') a second copy of our
// file on the page would throw there, before our guarded define() can act.
// The second copy never renders (the first copy keeps every tag), so its
// policy may simply be missing: the call is wrapped in try/catch.
const CALL = /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:\w+=>\w+\})\):void 0/;

export function guardLitPolicy() {
  return {
    name: 'kp-guard-lit-policy',
    transform(code, id) {
      if (!/\/lit-html\/lit-html\.js$/.test(id)) return null;
      if (!CALL.test(code)) this.error('lit-html changed: its createPolicy("lit-html") call was not found');
      return {code: code.replace(CALL, '(()=>{try{return $1?$1.createPolicy("lit-html",$2):void 0}catch{}})()'), map: null};
    },
  };
}
