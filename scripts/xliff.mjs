// Small helpers for our XLIFF 1.2 files (as lit-localize writes them).
import {readFileSync, writeFileSync} from 'node:fs';

export const TARGET_LOCALES = JSON.parse(readFileSync('lit-localize.json', 'utf8')).targetLocales;
export const xlfPath = (locale) => `locales/${locale}.xlf`;

const UNIT = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(?:\s*<target>([\s\S]*?)<\/target>)?\s*<\/trans-unit>/g;

/** [{id, source, target}] of one locale's file. */
export function readUnits(locale) {
  const text = readFileSync(xlfPath(locale), 'utf8');
  return [...text.matchAll(UNIT)].map(([, id, source, target]) => ({id, source, target}));
}

/** Placeholders `<x id="0" …/>` written as `{0}`: the form translators edit. */
export const plain = (xml) => xml.replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}');

/** Sets targets: `targets` maps unit id → target in plain form. */
export function writeTargets(locale, targets) {
  const path = xlfPath(locale);
  const text = readFileSync(path, 'utf8').replace(UNIT, (whole, id, source) => {
    if (!(id in targets)) return whole;
    const xs = Object.fromEntries([...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => [m[1], m[0]]));
    const target = targets[id].replace(/\{(\d+)\}/g, (_, n) => xs[n] ?? `{${n}}`);
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>\n</trans-unit>`;
  });
  writeFileSync(path, text);
}
