// What the demo company sells, where its customers are and how they answer surveys.
import type { SurveyChannel } from '../../common/domain/channels.js';
import type { SurveyType } from '../../common/domain/metrics.js';
import type { DemoLanguage } from './comments/pack.js';

export interface Product {
  readonly name: string;
  readonly slug: string;
  readonly weight: number;
  /** Channels its surveys run in, by weight. */
  readonly channels: readonly (readonly [SurveyChannel, number])[];
  readonly pages: readonly string[];
}

export const PRODUCTS: readonly Product[] = [
  {
    name: 'Ledger',
    slug: 'ledger',
    weight: 30,
    channels: [
      ['web', 40],
      ['in_app', 30],
      ['email', 25],
      ['link', 5],
    ],
    pages: ['invoices', 'invoices/new', 'reports', 'settings/billing', 'customers'],
  },
  {
    name: 'Insights',
    slug: 'insights',
    weight: 22,
    channels: [
      ['web', 45],
      ['in_app', 35],
      ['email', 15],
      ['link', 5],
    ],
    pages: ['dashboards', 'reports/weekly', 'explore', 'alerts'],
  },
  {
    name: 'Field App',
    slug: 'field',
    weight: 18,
    channels: [
      ['mobile', 75],
      ['email', 15],
      ['link', 10],
    ],
    pages: ['jobs', 'schedule', 'timesheets'],
  },
  {
    name: 'Storefront',
    slug: 'storefront',
    weight: 18,
    channels: [
      ['web', 35],
      ['in_app', 25],
      ['email', 30],
      ['mobile', 5],
      ['link', 5],
    ],
    pages: ['orders', 'catalog', 'checkout-settings', 'payments'],
  },
  {
    name: 'Connect API',
    slug: 'connect',
    weight: 12,
    channels: [
      ['email', 60],
      ['link', 25],
      ['web', 15],
    ],
    pages: ['developers', 'developers/keys', 'developers/webhooks'],
  },
];

export interface Country {
  readonly code: string;
  readonly weight: number;
  /** What respondents there write in, by weight. */
  readonly languages: readonly (readonly [DemoLanguage, number])[];
  /** A @faker-js/faker locale for names and phone numbers. */
  readonly fakerLocale: 'sv' | 'nb_NO' | 'da' | 'fi' | 'nl' | 'nl_BE' | 'en_GB' | 'en_US' | 'de' | 'en_IE';
  readonly companySuffixes: readonly string[];
  readonly industries: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  {
    code: 'SE',
    weight: 22,
    languages: [
      ['sv', 92],
      ['en', 8],
    ],
    fakerLocale: 'sv',
    companySuffixes: ['AB', 'AB', 'HB'],
    industries: ['Bygg', 'Logistik', 'Konsult', 'Data', 'Fastigheter', 'Transport', 'Media', 'Handel'],
  },
  {
    code: 'NO',
    weight: 12,
    languages: [
      ['nb', 92],
      ['en', 8],
    ],
    fakerLocale: 'nb_NO',
    companySuffixes: ['AS', 'AS', 'ASA'],
    industries: ['Bygg', 'Logistikk', 'Rådgivning', 'Data', 'Eiendom', 'Sjøfart', 'Handel'],
  },
  {
    code: 'DK',
    weight: 10,
    languages: [
      ['da', 92],
      ['en', 8],
    ],
    fakerLocale: 'da',
    companySuffixes: ['ApS', 'A/S'],
    industries: ['Byg', 'Logistik', 'Rådgivning', 'Data', 'Ejendomme', 'Transport', 'Design'],
  },
  {
    code: 'FI',
    weight: 10,
    languages: [
      ['fi', 80],
      ['sv', 12],
      ['en', 8],
    ],
    fakerLocale: 'fi',
    companySuffixes: ['Oy', 'Oy', 'Oyj'],
    industries: ['Rakennus', 'Logistiikka', 'Konsultointi', 'Data', 'Kiinteistöt', 'Kuljetus', 'Kauppa'],
  },
  {
    code: 'NL',
    weight: 14,
    languages: [
      ['nl', 90],
      ['en', 10],
    ],
    fakerLocale: 'nl',
    companySuffixes: ['B.V.', 'B.V.', 'N.V.'],
    industries: ['Bouw', 'Logistiek', 'Advies', 'Data', 'Vastgoed', 'Transport', 'Techniek'],
  },
  {
    code: 'BE',
    weight: 4,
    languages: [
      ['nl', 85],
      ['en', 15],
    ],
    fakerLocale: 'nl_BE',
    companySuffixes: ['BV', 'NV'],
    industries: ['Bouw', 'Logistiek', 'Advies', 'Data', 'Techniek'],
  },
  {
    code: 'GB',
    weight: 12,
    languages: [['en', 100]],
    fakerLocale: 'en_GB',
    companySuffixes: ['Ltd', 'Ltd', 'plc'],
    industries: ['Construction', 'Logistics', 'Consulting', 'Data', 'Property', 'Media', 'Retail'],
  },
  {
    code: 'US',
    weight: 8,
    languages: [['en', 100]],
    fakerLocale: 'en_US',
    companySuffixes: ['Inc.', 'LLC', 'Corp.'],
    industries: ['Construction', 'Logistics', 'Consulting', 'Data', 'Realty', 'Media', 'Retail'],
  },
  {
    code: 'DE',
    weight: 5,
    languages: [['en', 100]],
    fakerLocale: 'de',
    companySuffixes: ['GmbH', 'GmbH', 'AG'],
    industries: ['Bau', 'Logistik', 'Beratung', 'Daten', 'Immobilien', 'Technik'],
  },
  {
    code: 'IE',
    weight: 3,
    languages: [['en', 100]],
    fakerLocale: 'en_IE',
    companySuffixes: ['Ltd', 'DAC'],
    industries: ['Construction', 'Logistics', 'Consulting', 'Data', 'Property'],
  },
];

/** NPS dominates most programmes; CSAT follows support moments; CES is the newest. */
export const SURVEY_TYPE_WEIGHTS: readonly (readonly [SurveyType, number])[] = [
  ['nps', 55],
  ['csat', 30],
  ['ces', 15],
];

export const PLANS: readonly (readonly [string, number])[] = [
  ['Starter', 45],
  ['Growth', 38],
  ['Enterprise', 17],
];

export const JOB_ROLES: readonly string[] = [
  'Admin',
  'Owner',
  'Finance',
  'Operations',
  'Sales',
  'Support',
  'Developer',
];
