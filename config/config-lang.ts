// The language of zod's messages in config errors, chosen by the CLI (--lang) before zod may have loaded: zod loads
// with the config loaders, only when a run needs them, and takes the language chosen so far when it does.
export type ConfigLang = 'ja' | 'en';

let current: ConfigLang = 'ja';
let apply: ((lang: ConfigLang) => void) | undefined;

/** Config errors in this language from now on (zod's own messages included). */
export function setConfigLang(lang: ConfigLang): void {
  current = lang;
  apply?.(lang);
}

/** Called once by the module that configures zod: applied now with the language chosen so far, and on every change. */
export function onConfigLang(applyLang: (lang: ConfigLang) => void): void {
  apply = applyLang;
  applyLang(current);
}
