// Config errors are read by ward staff: zod's own messages in Japanese unless the CLI switches to English (--lang en).
// Applied by readConfigFile before zod first parses a config file (the only place config meets zod).
import { z } from 'zod';
import { onConfigLang } from './config-lang.ts';

let applied = false;

export function useConfigLocale(): void {
  if (applied) return;
  applied = true;
  onConfigLang((lang) => z.config(lang === 'en' ? z.locales.en() : z.locales.ja()));
}
