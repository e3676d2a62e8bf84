// How the respondent is told that the loop is closed: a message (written here or started from
// a template in their language, recorded by the server as sent), "I told them directly", or
// later. The gate decides whether a message may be sent at all.
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  RadioGroup,
  Select,
  SelectValue,
  TextArea,
  TextField,
} from 'react-aria-components';
import { notContactableMessage, type NotContactableReason } from '../../common/domain/contactability.js';
import {
  renderTemplate,
  TEMPLATE_IDS,
  TEMPLATE_LANGUAGES,
  TEMPLATE_TITLES,
  type TemplateId,
  type TemplateLanguage,
} from '../../common/followups/message-templates.js';
import { RadioChoice } from './RadioChoice.js';
import { languageName } from '../queue/format.js';

export type InformHow = 'message' | 'direct' | 'later';

export interface InformState {
  readonly how: InformHow;
  readonly language: TemplateLanguage;
  /** The template the message started from, so a change of language can translate it. */
  readonly template: TemplateId | null;
  readonly message: string;
}

export function InformFields({
  value,
  onChange,
  notContactable,
  respondentName,
  respondentLanguage,
  agentName,
  allowLater,
  autoFocus = false,
}: {
  readonly value: InformState;
  readonly onChange: (value: InformState) => void;
  readonly notContactable: NotContactableReason | null;
  readonly respondentName: string | null;
  /** The response's language, when known. */
  readonly respondentLanguage: string | null;
  readonly agentName: string;
  /** Marking done may leave telling for later; recording that they were told may not. */
  readonly allowLater: boolean;
  /** The chosen way gets the focus when the dialog opens on it. */
  readonly autoFocus?: boolean;
}) {
  const set = (change: Partial<InformState>): void => {
    onChange({ ...value, ...change });
  };
  return (
    <>
      <RadioGroup
        className="followup-radios"
        value={value.how}
        onChange={(how) => {
          set({ how: how as InformHow });
        }}
      >
        <Label>Tell the respondent</Label>
        <RadioChoice
          value="message"
          className="followup-radio"
          autoFocus={autoFocus && value.how === 'message'}
          isDisabled={notContactable !== null}
        >
          <span>
            <span className="followup-radio-label">Send a message</span>
            <span className="muted">
              {notContactable === null
                ? 'The server records it as sent and delivers it.'
                : notContactableMessage(notContactable)}
            </span>
          </span>
        </RadioChoice>
        <RadioChoice value="direct" className="followup-radio" autoFocus={autoFocus && value.how === 'direct'}>
          <span>
            <span className="followup-radio-label">I told them directly</span>
            <span className="muted">On the phone or in a meeting, say.</span>
          </span>
        </RadioChoice>
        {allowLater && (
          <RadioChoice value="later" className="followup-radio" autoFocus={autoFocus && value.how === 'later'}>
            <span>
              <span className="followup-radio-label">Later</span>
              <span className="muted">It stays done until they are told.</span>
            </span>
          </RadioChoice>
        )}
      </RadioGroup>
      {value.how === 'message' && (
        <div className="followup-message">
          <div className="followup-row">
            <Select
              className="field"
              value={value.language}
              onChange={(key) => {
                const language = key as TemplateLanguage;
                const template = value.template;
                // A template not edited yet follows the language; the user's own words stay.
                const untouched =
                  template !== null &&
                  value.message === renderTemplate(template, value.language, { respondentName, agentName });
                set({
                  language,
                  ...(untouched ? { message: renderTemplate(template, language, { respondentName, agentName }) } : {}),
                });
              }}
            >
              <Label>Language</Label>
              <Button className="button select-button">
                <SelectValue />
                <span aria-hidden="true">▾</span>
              </Button>
              <Popover className="popover">
                <ListBox className="listbox">
                  {TEMPLATE_LANGUAGES.map((code) => (
                    <ListBoxItem key={code} id={code} className="listbox-item" textValue={languageName(code)}>
                      {languageName(code)}
                      {code === respondentLanguage ? ' (theirs)' : ''}
                    </ListBoxItem>
                  ))}
                </ListBox>
              </Popover>
            </Select>
            <div className="field">
              <span className="field-label" id="template-label">
                Start from
              </span>
              <div className="followup-templates" role="group" aria-labelledby="template-label">
                {TEMPLATE_IDS.map((id) => (
                  <Button
                    key={id}
                    className="button button-compact"
                    onPress={() => {
                      set({ template: id, message: renderTemplate(id, value.language, { respondentName, agentName }) });
                    }}
                  >
                    {TEMPLATE_TITLES[id]}
                  </Button>
                ))}
              </div>
            </div>
          </div>
          {respondentLanguage !== null && respondentLanguage !== value.language && (
            <p className="hint">
              They answered in {languageName(respondentLanguage)}
              {(TEMPLATE_LANGUAGES as readonly string[]).includes(respondentLanguage)
                ? '.'
                : ', which has no templates yet: write in their language if you can.'}
            </p>
          )}
          <TextField
            className="field"
            value={value.message}
            onChange={(message) => {
              set({ message });
            }}
            maxLength={4000}
          >
            <Label>Message</Label>
            <TextArea rows={7} lang={value.language} />
          </TextField>
        </div>
      )}
    </>
  );
}
