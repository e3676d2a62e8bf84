// Messages that close the loop with a respondent (issue "Follow-up workflow" §4): a few ready
// texts per language, picked in the respondent's language when it is known. They are
// starting points — the user edits the text before it is sent.

export const TEMPLATE_IDS = ['fixed', 'changed', 'thanks'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_LANGUAGES = ['en', 'sv', 'da', 'nb', 'fi', 'nl'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Used when the respondent's language is unknown or has no templates. */
export const FALLBACK_LANGUAGE: TemplateLanguage = 'en';

/** What the user picks from: the same in every language, in the UI's language. */
export const TEMPLATE_TITLES: Readonly<Record<TemplateId, string>> = {
  fixed: 'We fixed it',
  changed: 'We made a change',
  thanks: 'Thanks, we are on it',
};

interface LanguagePack {
  /** {name}: the respondent's name. */
  readonly greeting: string;
  /** When no name is known. */
  readonly anonymousGreeting: string;
  /** {agent}: who signs. */
  readonly signature: string;
  readonly bodies: Readonly<Record<TemplateId, string>>;
}

const PACKS: Readonly<Record<TemplateLanguage, LanguagePack>> = {
  en: {
    greeting: 'Hi {name},',
    anonymousGreeting: 'Hi,',
    signature: 'Best regards,\n{agent}',
    bodies: {
      fixed:
        'Thank you for your feedback. You told us about a problem, and we have now fixed it. We are sorry for the trouble it caused you.',
      changed:
        'Thank you for your feedback. Because of what you told us, we have made a change. We hope you notice the difference.',
      thanks:
        'Thank you for taking the time to tell us what you think. We have shared it with the team responsible and are working on it.',
    },
  },
  sv: {
    greeting: 'Hej {name},',
    anonymousGreeting: 'Hej,',
    signature: 'Vänliga hälsningar,\n{agent}',
    bodies: {
      fixed:
        'Tack för din feedback. Du berättade om ett problem, och nu har vi åtgärdat det. Vi beklagar besväret det orsakade dig.',
      changed:
        'Tack för din feedback. Tack vare det du berättade har vi gjort en förändring. Vi hoppas att du märker skillnaden.',
      thanks:
        'Tack för att du tog dig tid att berätta vad du tycker. Vi har delat det med det ansvariga teamet och arbetar med saken.',
    },
  },
  da: {
    greeting: 'Hej {name},',
    anonymousGreeting: 'Hej,',
    signature: 'Venlig hilsen\n{agent}',
    bodies: {
      fixed:
        'Tak for din feedback. Du fortalte os om et problem, og nu har vi rettet det. Vi beklager de gener, det har givet dig.',
      changed:
        'Tak for din feedback. På grund af det, du fortalte os, har vi lavet en ændring. Vi håber, du kan mærke forskellen.',
      thanks:
        'Tak fordi du tog dig tid til at fortælle os, hvad du mener. Vi har delt det med det ansvarlige team og arbejder på det.',
    },
  },
  nb: {
    greeting: 'Hei {name},',
    anonymousGreeting: 'Hei,',
    signature: 'Vennlig hilsen\n{agent}',
    bodies: {
      fixed:
        'Takk for tilbakemeldingen din. Du fortalte oss om et problem, og nå har vi rettet det. Vi beklager bryet det har gitt deg.',
      changed:
        'Takk for tilbakemeldingen din. På grunn av det du fortalte oss, har vi gjort en endring. Vi håper du merker forskjellen.',
      thanks:
        'Takk for at du tok deg tid til å fortelle oss hva du mener. Vi har delt det med teamet som har ansvaret, og jobber med saken.',
    },
  },
  fi: {
    greeting: 'Hei {name},',
    anonymousGreeting: 'Hei,',
    signature: 'Ystävällisin terveisin\n{agent}',
    bodies: {
      fixed:
        'Kiitos palautteestasi. Kerroit meille ongelmasta, ja olemme nyt korjanneet sen. Pahoittelemme sen aiheuttamaa harmia.',
      changed: 'Kiitos palautteestasi. Kertomasi perusteella olemme tehneet muutoksen. Toivomme, että huomaat eron.',
      thanks:
        'Kiitos, että kerroit meille mielipiteesi. Olemme välittäneet sen vastuussa olevalle tiimille ja työskentelemme asian parissa.',
    },
  },
  nl: {
    greeting: 'Hallo {name},',
    anonymousGreeting: 'Hallo,',
    signature: 'Met vriendelijke groet,\n{agent}',
    bodies: {
      fixed:
        'Bedankt voor je feedback. Je vertelde ons over een probleem en dat hebben we nu opgelost. Sorry voor het ongemak.',
      changed:
        'Bedankt voor je feedback. Naar aanleiding van wat je ons vertelde, hebben we iets veranderd. We hopen dat je het verschil merkt.',
      thanks:
        'Bedankt dat je de tijd nam om ons te vertellen wat je ervan vindt. We hebben het gedeeld met het verantwoordelijke team en gaan ermee aan de slag.',
    },
  },
};

function isTemplateLanguage(code: string): code is TemplateLanguage {
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(code);
}

/** The respondent's language when templates exist for it; English otherwise. */
export function templateLanguageFor(language: string | null): TemplateLanguage {
  return language !== null && isTemplateLanguage(language) ? language : FALLBACK_LANGUAGE;
}

export interface TemplateInput {
  /** The respondent's name as known; only the first word is used ("Hi Anna,"). */
  readonly respondentName: string | null;
  /** The signed-in staff member, who signs the message. */
  readonly agentName: string;
}

/** The template's full text in `language`: greeting, body and signature. */
export function renderTemplate(id: TemplateId, language: TemplateLanguage, input: TemplateInput): string {
  const pack = PACKS[language];
  const firstName = input.respondentName?.trim().split(/\s+/)[0] ?? '';
  const greeting = firstName === '' ? pack.anonymousGreeting : pack.greeting.replace('{name}', firstName);
  const signature = pack.signature.replace('{agent}', input.agentName);
  return `${greeting}\n\n${pack.bodies[id]}\n\n${signature}`;
}
