// Config errors are read by ward staff: zod's own messages in Japanese unless the CLI switches to English (--lang en).
// Applied by whichever config code first makes zod parse: the catalog's loader, or a config file read alone.
import { z } from 'zod';
import { onConfigLang } from './config-lang.ts';

let applied = false;

export function useConfigLocale(): void {
  if (applied) return;
  applied = true;
  onConfigLang((lang) => z.config(lang === 'en' ? z.locales.en() : z.locales.ja()));
}
