// Demo respondents and their companies. Names and phone numbers come from @faker-js/faker in
// the country's locale, seeded, so the same seed always yields the same people.
import type { Faker } from '@faker-js/faker';
import { faker as fakerSv } from '@faker-js/faker/locale/sv';
import { faker as fakerNb } from '@faker-js/faker/locale/nb_NO';
import { faker as fakerDa } from '@faker-js/faker/locale/da';
import { faker as fakerFi } from '@faker-js/faker/locale/fi';
import { faker as fakerNl } from '@faker-js/faker/locale/nl';
import { faker as fakerNlBe } from '@faker-js/faker/locale/nl_BE';
import { faker as fakerEnGb } from '@faker-js/faker/locale/en_GB';
import { faker as fakerEnUs } from '@faker-js/faker/locale/en_US';
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEnIe } from '@faker-js/faker/locale/en_IE';
import type { EndUser } from '../../common/api/records.js';
import type { Prng } from '../lib/prng.js';
import type { DemoLanguage } from './comments/pack.js';
import { COUNTRIES, JOB_ROLES, PLANS, PRODUCTS, type Country } from './catalog.js';

const FAKERS: Readonly<Record<Country['fakerLocale'], Faker>> = {
  sv: fakerSv,
  nb_NO: fakerNb,
  da: fakerDa,
  fi: fakerFi,
  nl: fakerNl,
  nl_BE: fakerNlBe,
  en_GB: fakerEnGb,
  en_US: fakerEnUs,
  de: fakerDe,
  en_IE: fakerEnIe,
};

export interface Company {
  readonly name: string;
  readonly domain: string;
  readonly country: Country;
  readonly plan: string;
  readonly seats: number;
}

/** What the generator remembers about a respondent between their answers. */
export interface DemoRespondent {
  readonly record: EndUser;
  readonly firstName: string;
  readonly company: Company | null;
  readonly country: Country;
  readonly language: DemoLanguage;
  /** −1 grumpy, 0 typical, +1 a fan: tilts every score they give. */
  readonly mood: number;
  readonly productIndex: number;
}

/** "Åsa Sørlie" → "asa.sorlie": e-mail local parts without diacritics. */
function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

export class PeopleFactory {
  readonly #companies: Company[] = [];

  constructor(
    private readonly prng: Prng,
    seed: number,
    companyCount: number,
  ) {
    Object.values(FAKERS).forEach((f, i) => f.seed(seed * 31 + i));
    for (let i = 0; i < companyCount; i++) this.#companies.push(this.#company());
  }

  #country(): Country {
    return this.prng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  }

  #company(): Company {
    const p = this.prng;
    const country = this.#country();
    const f = FAKERS[country.fakerLocale];
    const name = `${f.person.lastName()} ${p.pick(country.industries)} ${p.pick(country.companySuffixes)}`;
    const plan = p.weighted(PLANS);
    const seats = plan === 'Enterprise' ? p.int(60, 900) : plan === 'Growth' ? p.int(10, 80) : p.int(1, 12);
    return { name, domain: `${asciiSlug(name).replace(/\./g, '-')}.example`, country, plan, seats };
  }

  respondent(id: string, createdAt: string, index: number): DemoRespondent {
    const p = this.prng;
    // Most programmes are B2B; some respondents are consumers without a company.
    const company = p.chance(0.85) ? p.pick(this.#companies) : null;
    const country = company?.country ?? this.#country();
    const language = p.weighted(country.languages);
    const f = FAKERS[country.fakerLocale];
    const first = f.person.firstName();
    const last = f.person.lastName();
    const reach = p.next();
    // Most have an e-mail; some only a phone number; a few left nothing to reach them by.
    const email = reach < 0.86 ? `${asciiSlug(`${first} ${last}`)}@${company?.domain ?? 'mail.example'}` : null;
    const phone =
      reach >= 0.86 && reach < 0.94
        ? f.phone.number({ style: 'international' })
        : p.chance(0.3)
          ? f.phone.number({ style: 'international' })
          : null;
    const record: EndUser = {
      id,
      email: email === null ? null : p.chance(0.03) ? email.toUpperCase() : email,
      external_id: p.chance(0.55) ? `cus_${(100_000 + index).toString()}` : null,
      name: p.chance(0.92) ? `${first} ${last}` : null,
      phone: reach >= 0.94 ? null : phone,
      properties: {
        plan: company?.plan ?? 'Personal',
        role: p.pick(JOB_ROLES),
        seats: company?.seats ?? 1,
        account_age_months: p.int(1, 84),
        company: company?.name ?? null,
      },
      restricted: p.chance(0.015),
      objected: p.chance(0.025),
      created_at: createdAt,
      updated_at: createdAt,
    };
    const mood = p.weighted([
      [-1, 18],
      [0, 58],
      [1, 24],
    ] as const);
    const productIndex = p.weighted(PRODUCTS.map((pr, i) => [i, pr.weight] as const));
    return { record, firstName: first, company, country, language, mood, productIndex };
  }
}
