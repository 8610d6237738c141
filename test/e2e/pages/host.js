// The host page's own script (same origin, so the strict CSP lets it run).
// For the suite it records what the page saw: CSP violations, the Trusted
// Types policies that were created, console and uncaught errors, and anything
// that ran that should not.
(() => {
  const log = (window.__host = {violations: [], policies: [], pwned: [], errors: []});
  // Console errors and uncaught errors, for drivers that cannot read the console (WebDriver classic).
  const error = console.error;
  console.error = (...args) => {
    log.errors.push(args.map(String).join(' '));
    error.apply(console, args);
  };
  window.addEventListener('error', (e) => log.errors.push(`uncaught: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => log.errors.push(`unhandled: ${e.reason}`));
  const note = (e) =>
    log.violations.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile});
  document.addEventListener('securitypolicyviolation', note, true);
  // The trap: a hostile value that ran would call one of these.
  window.__pwned = false;
  window.__pwn = (what) => {
    window.__pwned = true;
    log.pwned.push(String(what));
  };
  window.alert = window.confirm = window.prompt = window.__pwn;
  if (window.trustedTypes) {
    const create = trustedTypes.createPolicy.bind(trustedTypes);
    trustedTypes.createPolicy = (name, rules) => {
      log.policies.push(name);
      return create(name, rules);
    };
  }
})();
