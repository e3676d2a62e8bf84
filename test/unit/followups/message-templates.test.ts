// Messages to respondents: every template exists in every language, is addressed to the
// respondent by first name (or politely without one) and signed, and the respondent's
// language is used when templates exist for it.
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_LANGUAGE,
  renderTemplate,
  TEMPLATE_IDS,
  TEMPLATE_LANGUAGES,
  templateLanguageFor,
} from '../../../common/followups/message-templates.js';

describe('message templates', () => {
  it.each(TEMPLATE_LANGUAGES)('%s: every template greets, says something and signs', (language) => {
    const bodies = new Set<string>();
    for (const id of TEMPLATE_IDS) {
      const text = renderTemplate(id, language, { respondentName: 'Ingrid Olsen', agentName: 'Jonas Berg' });
      const [greeting, body, signature] = text.split('\n\n');
      expect(greeting).toContain('Ingrid');
      expect(greeting).not.toContain('Olsen');
      expect(body!.length).toBeGreaterThan(40);
      expect(signature).toMatch(/\nJonas Berg$/);
      expect(text).not.toMatch(/[{}]/);
      bodies.add(body!);
    }
    expect(bodies.size).toBe(TEMPLATE_IDS.length);
  });

  it('greets without a name when none is known', () => {
    expect(renderTemplate('thanks', 'sv', { respondentName: null, agentName: 'Maja' })).toMatch(/^Hej,\n\n/);
    expect(renderTemplate('thanks', 'en', { respondentName: '  ', agentName: 'Maja' })).toMatch(/^Hi,\n\n/);
  });

  it("picks the respondent's language when there are templates in it, English otherwise", () => {
    expect(templateLanguageFor('fi')).toBe('fi');
    expect(templateLanguageFor('de')).toBe(FALLBACK_LANGUAGE);
    expect(templateLanguageFor(null)).toBe('en');
  });
});
