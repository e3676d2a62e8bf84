// Composes a comment from a language pack: openers, one or two clauses for the theme, a
// closer, then the small mess of real typing (no capitals, no full stop, an emoji).
import type { Band } from '../../../common/domain/metrics.js';
import type { Prng } from '../../lib/prng.js';
import { PRAISE_ASPECTS, type ComplaintTheme, type LanguagePack } from './pack.js';

const EMOJI: Readonly<Record<Band, readonly string[]>> = {
  negative: ['😡', '🙁', '😤', '👎'],
  neutral: ['🤷', '🙂'],
  positive: ['😊', '🙏', '👍', '🎉', '❤️'],
};

function capitalize(s: string): string {
  const first = s.charAt(0);
  return first === first.toLocaleLowerCase() && first !== first.toLocaleUpperCase()
    ? first.toLocaleUpperCase() + s.slice(1)
    : s;
}

/** Lower-cases a template's first letter for use mid-sentence, but not a slot, "I" or an acronym. */
function decapitalize(template: string): string {
  if (template.startsWith('{')) return template;
  const word = /^\S+/.exec(template)?.[0] ?? '';
  if (word === 'I' || word.length < 2 || word.charAt(1) !== word.charAt(1).toLocaleLowerCase()) return template;
  return template.charAt(0).toLocaleLowerCase() + template.slice(1);
}

function withoutFinalStop(s: string): string {
  return s.replace(/[.!]+$/, '');
}

export class CommentComposer {
  /** Features already named in the comment being composed, so one comment never contradicts itself. */
  readonly #named = new Set<string>();

  constructor(
    private readonly prng: Prng,
    private readonly pack: LanguagePack,
  ) {}

  fill(template: string, product: string): string {
    const p = this.prng;
    return template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
      switch (slot) {
        case 'feature': {
          const fresh = this.pack.features.filter((f) => !this.#named.has(f));
          const feature = p.pick(fresh.length > 0 ? fresh : this.pack.features);
          this.#named.add(feature);
          return feature;
        }
        case 'product':
          return product;
        case 'days':
          return String(p.int(2, 21));
        case 'minutes':
          return String(p.int(2, 25));
        case 'pct':
          return String(p.int(2, 9) * 5);
        case 'seats':
          return String(p.int(2, 50) * 5);
        case 'version':
          return `4.${p.int(1, 19)}`;
        default:
          return whole;
      }
    });
  }

  complaint(theme: ComplaintTheme, product: string, midSentence = false): string {
    const template = this.prng.pick(this.pack.complaints[theme]);
    return this.fill(midSentence ? decapitalize(template) : template, product);
  }

  praise(product: string, midSentence = false): string {
    const aspect = this.prng.weighted(PRAISE_ASPECTS.map((a) => [a, a === 'general' ? 3 : 1] as const));
    const template = this.prng.pick(this.pack.praise[aspect]);
    return this.fill(midSentence ? decapitalize(template) : template, product);
  }

  compose(band: Band, theme: ComplaintTheme, secondTheme: ComplaintTheme, product: string): string {
    const p = this.prng;
    const pack = this.pack;
    const parts: string[] = [];
    this.#named.clear();
    switch (band) {
      case 'negative': {
        if (p.chance(0.12)) return this.#mess(p.pick(pack.shortNegative), band);
        const opening = p.next();
        if (opening < 0.2) parts.push(p.pick(pack.negativeOpeners));
        if (opening > 0.8) parts.push(`${p.pick(pack.negativePrefixes)} ${this.complaint(theme, product, true)}`);
        else parts.push(this.complaint(theme, product));
        if (p.chance(0.3)) parts.push(this.complaint(p.chance(0.6) ? theme : secondTheme, product));
        if (p.chance(0.35)) parts.push(p.pick(pack.negativeClosers));
        break;
      }
      case 'neutral': {
        const shape = p.next();
        if (shape < 0.55) {
          parts.push(
            `${withoutFinalStop(this.praise(product))}, ${pack.contrast} ${this.complaint(theme, product, true)}`,
          );
        } else if (shape < 0.85) {
          parts.push(p.pick(pack.neutralOpeners), this.complaint(theme, product));
        } else {
          parts.push(p.pick(pack.neutralOpeners), this.praise(product));
        }
        break;
      }
      case 'positive': {
        if (p.chance(0.18)) return this.#mess(p.pick(pack.shortPositive), band);
        parts.push(this.praise(product));
        if (p.chance(0.35)) parts.push(this.praise(product));
        if (p.chance(0.4)) parts.push(p.pick(pack.positiveClosers));
        break;
      }
    }
    return this.#mess([...new Set(parts)].map(capitalize).join(' '), band);
  }

  #mess(text: string, band: Band): string {
    const p = this.prng;
    let out = text;
    if (p.chance(0.07)) out = out.toLocaleLowerCase();
    if (p.chance(0.06)) out = withoutFinalStop(out);
    if (band === 'negative' && p.chance(0.04)) out = `${withoutFinalStop(out)}!!`;
    if (p.chance(0.04)) out = `${out} ${p.pick(EMOJI[band])}`;
    return out;
  }
}
