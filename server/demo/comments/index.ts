import type { DemoLanguage, LanguagePack } from './pack.js';
import { en } from './en.js';
import { sv } from './sv.js';
import { nb } from './nb.js';
import { da } from './da.js';
import { fi } from './fi.js';
import { nl } from './nl.js';

export const LANGUAGE_PACKS: Readonly<Record<DemoLanguage, LanguagePack>> = { en, sv, nb, da, fi, nl };
