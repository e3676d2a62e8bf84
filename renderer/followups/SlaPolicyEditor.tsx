// The team's SLA policy, per metric and band: how many hours until first contact is due (or
// none) and the priority a new follow-up starts with. The server holds it and opens every
// follow-up with it; this install shows the copy fetched on the last sync (so it reads the
// same offline). Managers change it here, which saves it on the server at once; everyone
// else sees it read-only. A save that fails (offline, refused) says so and keeps the edits.
import { useCallback, useEffect, useState } from 'react';
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
import type { TeamSlaPolicy } from '../../common/ipc/channels/followups.js';
import { PRIORITY_LABELS } from '../../common/followups/labels.js';
import { MAX_FIRST_CONTACT_HOURS } from '../../common/followups/sla-policy.js';
import { call, loopdesk } from '../ipc/client.js';
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

const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where the policy shown comes from, in one sentence. */
function origin(held: TeamSlaPolicy): string {
  if (!held.fetched) return 'Not fetched from the server yet: the default is shown until the first sync.';
  if (held.updatedAt === null) return 'The default policy: no manager has changed it.';
  return `Set by ${held.updatedBy ?? 'a manager'} on ${whenFormat.format(held.updatedAt)}.`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface FormState {
  /** The policy as this install holds it. */
  readonly held: TeamSlaPolicy;
  /** What the form shows, edits included. */
  readonly draft: Draft;
  /** A colleague's change arrived while the form had edits of its own. */
  readonly changedMeanwhile: boolean;
}

/** A fetched policy replaces the form unless the user is editing it; then they are told. */
function withFetched(prev: FormState | null, next: TeamSlaPolicy): FormState {
  if (prev === null || sameDraft(prev.draft, toDraft(prev.held.policy))) {
    return { held: next, draft: toDraft(next.policy), changedMeanwhile: false };
  }
  const changed = JSON.stringify(next.policy) !== JSON.stringify(prev.held.policy);
  return { held: next, draft: prev.draft, changedMeanwhile: prev.changedMeanwhile || changed };
}

export function SlaPolicyEditor() {
  const [form, setForm] = useState<FormState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    call('followups:sla-policy', {}).then(
      (next) => {
        setForm((prev) => withFetched(prev, next));
        setLoadError(null);
      },
      (e: unknown) => {
        setLoadError(errorText(e));
      },
    );
  }, []);

  useEffect(() => {
    load();
    // Any sync may bring it: a new policy ('sla_policy'), or who I am (the first sync, a new
    // server) and with it whether I may edit. The read is one small row.
    return loopdesk().subscribe('data:changed', load);
  }, [load]);

  if (form === null) {
    return (
      <section className="card sla-editor" aria-labelledby="sla-title">
        <h2 id="sla-title">SLA policy</h2>
        {loadError === null ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <p role="alert" className="form-error">
            The SLA policy cannot be shown: {loadError}
          </p>
        )}
      </section>
    );
  }

  const { held, draft, changedMeanwhile } = form;
  const editable = held.canEdit;
  const dirty = !sameDraft(draft, toDraft(held.policy));
  const setDraft = (next: Draft, settled = false): void => {
    setForm({ held, draft: next, changedMeanwhile: settled ? false : changedMeanwhile });
  };
  const change = (type: SurveyType, band: Band, cell: Partial<Draft[SurveyType][Band]>): void => {
    setDraft({ ...draft, [type]: { ...draft[type], [band]: { ...draft[type][band], ...cell } } });
  };

  const save = (): void => {
    const policy = fromDraft(draft);
    if ('invalid' in policy) {
      setError(
        `${policy.invalid}: enter whole hours from 1 to ${MAX_FIRST_CONTACT_HOURS}, or leave it empty for none.`,
      );
      return;
    }
    setError(null);
    setSaving(true);
    call('followups:set-sla-policy', { policy }).then(
      (saved) => {
        setSaving(false);
        setForm({ held: saved, draft: toDraft(saved.policy), changedMeanwhile: false });
        showToast({
          title: 'SLA policy saved',
          body: 'It applies to the follow-ups the team opens from now on.',
          tone: 'success',
        });
      },
      (e: unknown) => {
        // The edits stay in the form, to be saved again.
        setSaving(false);
        setError(errorText(e));
      },
    );
  };

  return (
    <Form
      className="card sla-editor"
      aria-labelledby="sla-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (editable && !saving) save();
      }}
    >
      <h2 id="sla-title">SLA policy</h2>
      <p className="hint">
        When first contact is due after a response arrives, and the priority its follow-up starts with. Empty: no
        target. The policy is the team’s: the server opens every follow-up with it, detractors’ as soon as they answer.
        A change applies to follow-ups opened from then on.
      </p>
      <p className="hint sla-origin">{origin(held)}</p>
      {!editable && <p className="sla-read-only">Only a manager can change the team’s SLA policy.</p>}
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
                  {editable ? (
                    <>
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
                    </>
                  ) : (
                    <>
                      <td>
                        {cell.hours === '' ? 'None' : `${cell.hours} h`}
                        <span className="sla-days">{inDays(cell.hours)}</span>
                      </td>
                      <td>{PRIORITY_LABELS[cell.priority]}</td>
                    </>
                  )}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      {changedMeanwhile && (
        <p role="status" className="hint">
          A manager changed the policy on the server while you were editing. Saving replaces it with yours; “Discard
          changes” shows theirs.
        </p>
      )}
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {editable && (
        <div className="form-actions">
          <Button type="submit" className="button button-primary" isDisabled={saving}>
            {saving ? 'Saving…' : 'Save policy'}
          </Button>
          <Button
            className="button"
            isDisabled={saving}
            onPress={() => {
              setDraft(toDraft(DEFAULT_SLA_POLICY));
            }}
          >
            Back to the defaults
          </Button>
          {dirty && (
            <Button
              className="button"
              isDisabled={saving}
              onPress={() => {
                setDraft(toDraft(held.policy), true);
                setError(null);
              }}
            >
              Discard changes
            </Button>
          )}
        </div>
      )}
    </Form>
  );
}
