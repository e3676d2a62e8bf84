// The team's SLA policy, per metric and band: how many hours until first contact is due (or
// none) and the priority a new follow-up gets. It applies to follow-ups born on this install
// (common/followups/sla-policy.ts); the server opens follow-ups for detractors with the
// default policy.
import { useEffect, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { PRIORITIES, type Priority } from '../../common/domain/followup-status.js';
import {
  BANDS,
  METRIC_LABELS,
  SCORE_SCALES,
  SURVEY_TYPES,
  type Band,
  type SurveyType,
} from '../../common/domain/metrics.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../common/domain/sla.js';
import { PRIORITY_LABELS } from '../../common/followups/labels.js';
import { MAX_FIRST_CONTACT_HOURS } from '../../common/followups/sla-policy.js';
import { call } from '../ipc/client.js';
import { showToast } from './toast-store.js';

/** "2 days" for 48: the hours read more easily in days. */
function inDays(hours: string): string {
  const n = Number(hours);
  if (hours.trim() === '' || !Number.isInteger(n) || n < 24 || n % 24 !== 0) return '';
  return n === 24 ? '1 day' : `${n / 24} days`;
}

/** The form keeps the hours as typed: "" means no first-contact target. */
type Draft = Record<SurveyType, Record<Band, { hours: string; priority: Priority }>>;

function toDraft(policy: SlaPolicy): Draft {
  const draft = {} as Draft;
  for (const type of SURVEY_TYPES) {
    draft[type] = {} as Draft[SurveyType];
    for (const band of BANDS) {
      const rule = policy[type][band];
      draft[type][band] = {
        hours: rule.firstContactHours === null ? '' : String(rule.firstContactHours),
        priority: rule.priority,
      };
    }
  }
  return draft;
}

/** The policy, or the first cell that is not a whole number of hours in range. */
function fromDraft(draft: Draft): SlaPolicy | { readonly invalid: string } {
  const policy = {} as Record<SurveyType, Record<Band, SlaPolicy[SurveyType][Band]>>;
  for (const type of SURVEY_TYPES) {
    policy[type] = {} as Record<Band, SlaPolicy[SurveyType][Band]>;
    for (const band of BANDS) {
      const { hours, priority } = draft[type][band];
      const n = Number(hours);
      if (hours.trim() !== '' && (!Number.isInteger(n) || n < 1 || n > MAX_FIRST_CONTACT_HOURS)) {
        return { invalid: `${METRIC_LABELS[type]} ${SCORE_SCALES[type].bandLabels[band]}` };
      }
      policy[type][band] = { firstContactHours: hours.trim() === '' ? null : n, priority };
    }
  }
  return policy;
}

export function SlaPolicyEditor() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('followups:context', {}).then(
      (context) => {
        setDraft(toDraft(context.slaPolicy));
      },
      () => {
        setDraft(toDraft(DEFAULT_SLA_POLICY));
      },
    );
  }, []);
  if (draft === null) return <p aria-busy="true">Loading…</p>;

  const change = (type: SurveyType, band: Band, cell: Partial<Draft[SurveyType][Band]>): void => {
    setDraft({ ...draft, [type]: { ...draft[type], [band]: { ...draft[type][band], ...cell } } });
  };

  return (
    <Form
      className="card sla-editor"
      aria-labelledby="sla-title"
      onSubmit={(event) => {
        event.preventDefault();
        const policy = fromDraft(draft);
        if ('invalid' in policy) {
          setError(
            `${policy.invalid}: enter whole hours from 1 to ${MAX_FIRST_CONTACT_HOURS}, or leave it empty for none.`,
          );
          return;
        }
        setError(null);
        call('followups:set-sla-policy', { policy }).then(
          () => {
            showToast({ title: 'SLA policy saved', body: null, tone: 'success' });
          },
          (e: unknown) => {
            setError(e instanceof Error ? e.message : String(e));
          },
        );
      }}
    >
      <h2 id="sla-title">SLA policy</h2>
      <p className="hint">
        When first contact is due after a response arrives, and the priority its follow-up starts with. Empty: no
        target. Applies to follow-ups started on this computer; the server opens detractors’ follow-ups with the default
        (48 h for detractors, 5 days for passives).
      </p>
      <table className="sla-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Band</th>
            <th scope="col">First contact within (hours)</th>
            <th scope="col">Priority</th>
          </tr>
        </thead>
        <tbody>
          {SURVEY_TYPES.flatMap((type) =>
            BANDS.map((band) => {
              const cell = draft[type][band];
              const name = `${METRIC_LABELS[type]} ${SCORE_SCALES[type].bandLabels[band]}`;
              return (
                <tr key={`${type}-${band}`}>
                  <th scope="row">{band === 'negative' ? METRIC_LABELS[type] : ''}</th>
                  <td>{SCORE_SCALES[type].bandLabels[band]}</td>
                  <td>
                    <input
                      className="number-input"
                      inputMode="numeric"
                      aria-label={`${name}: hours until first contact`}
                      value={cell.hours}
                      placeholder="none"
                      onChange={(event) => {
                        change(type, band, { hours: event.target.value });
                      }}
                    />
                    <span className="sla-days">{inDays(cell.hours)}</span>
                  </td>
                  <td>
                    <select
                      className="native-select"
                      aria-label={`${name}: priority`}
                      value={cell.priority}
                      onChange={(event) => {
                        change(type, band, { priority: event.target.value as Priority });
                      }}
                    >
                      {PRIORITIES.map((p) => (
                        <option key={p} value={p}>
                          {PRIORITY_LABELS[p]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <Button type="submit" className="button button-primary">
          Save policy
        </Button>
        <Button
          className="button"
          onPress={() => {
            setDraft(toDraft(DEFAULT_SLA_POLICY));
          }}
        >
          Back to the defaults
        </Button>
      </div>
    </Form>
  );
}
