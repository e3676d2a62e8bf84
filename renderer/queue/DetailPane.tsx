// The detail pane: one response in full. The comment and every other customer-written value
// are shown as text; links in them open only after the user confirms. When the contactability
// gate says no, a banner says why, wherever contact would be offered.
import { memo, type ReactNode, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { notContactableMessage } from '../../common/domain/contactability.js';
import type { QueueDetail, TimelineEntry } from '../../common/queue/row.js';
import { call } from '../ipc/client.js';
import { ScoreBadge } from './columns.js';
import { CommentText } from './CommentText.js';
import { CHANNEL_LABELS, countryName, languageName, longDate, metricLabel, shortDate } from './format.js';
import { bandOf } from '../../common/domain/metrics.js';
import { FollowupSection } from '../followups/FollowupSection.js';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly detail: QueueDetail }
  | { readonly state: 'error'; readonly message: string };

function useDetail(id: string, refresh: number): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    call('queue:detail', { id }).then(
      (detail) => {
        if (live) setLoaded({ state: 'ready', detail });
      },
      (error: unknown) => {
        if (live) setLoaded({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [id, refresh]);
  return loaded;
}

function TimelineItem({ entry }: { readonly entry: TimelineEntry }) {
  if (entry.kind === 'decline') {
    const d = entry.decline;
    return (
      <li className="timeline-item timeline-decline">
        <span className="timeline-date">{shortDate(Date.parse(d.created_at))}</span>
        <span>
          Declined the {metricLabel(d.survey_type)} survey · {CHANNEL_LABELS[d.channel]} · {d.product}
        </span>
      </li>
    );
  }
  const r = entry.response;
  const band = bandOf(r.survey_type, r.score);
  return (
    <li className="timeline-item">
      <span className="timeline-date">{shortDate(Date.parse(r.created_at))}</span>
      <span>
        <ScoreBadge row={{ metric: r.survey_type, score: r.score, band }} /> {metricLabel(r.survey_type)} · {r.product}
        {r.text !== null && r.text.trim() !== '' && (
          <span className="timeline-comment">
            <CommentText text={r.text.length > 240 ? `${r.text.slice(0, 240)}…` : r.text} search="" />
          </span>
        )}
      </span>
    </li>
  );
}

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Missing() {
  return <span className="muted">—</span>;
}

export const DetailPane = memo(function DetailPane({
  id,
  search,
  refresh,
  onClose,
}: {
  readonly id: string;
  readonly search: string;
  readonly refresh: number;
  readonly onClose: () => void;
}) {
  const loaded = useDetail(id, refresh);
  if (loaded.state === 'loading') {
    return <aside className="detail-pane" aria-label="Response" aria-busy="true" />;
  }
  if (loaded.state === 'error') {
    return (
      <aside className="detail-pane" aria-label="Response">
        <p role="alert">{loaded.message}</p>
      </aside>
    );
  }
  const { response, respondent, timeline, notContactable } = loaded.detail;
  const band = loaded.detail.band;
  const who = respondent?.name ?? respondent?.external_id ?? response.end_user_id;
  const received = Date.parse(response.created_at);
  return (
    <aside className="detail-pane" aria-labelledby="detail-title" data-key-scope="list">
      <header className="detail-header">
        <h2 id="detail-title" tabIndex={-1}>
          {who}
        </h2>
        <Button className="button button-quiet" onPress={onClose} aria-label="Close the response (Esc)">
          Close
        </Button>
      </header>
      {notContactable !== null && (
        <div role="note" className="banner banner-warning detail-banner">
          <strong>Not contactable.</strong> {notContactableMessage(notContactable)}
        </div>
      )}
      <section className="detail-section detail-score" aria-label="Score">
        <ScoreBadge row={{ metric: response.survey_type, score: response.score, band }} />
        <span>{metricLabel(response.survey_type)}</span>
        <span className="muted">
          {longDate(received)} · {CHANNEL_LABELS[response.channel]}
        </span>
      </section>
      <section className="detail-section" aria-labelledby="detail-comment">
        <h3 id="detail-comment">Comment</h3>
        {response.text === null || response.text.trim() === '' ? (
          <p className="muted">No comment.</p>
        ) : (
          <p className="comment-full" lang={response.language ?? undefined}>
            <CommentText text={response.text} search={search} linkable />
          </p>
        )}
      </section>
      <section className="detail-section" aria-labelledby="detail-respondent">
        <h3 id="detail-respondent">Respondent</h3>
        {loaded.detail.respondentState === 'not_synced' && (
          <p className="muted">Their details have not been synced yet.</p>
        )}
        <dl className="facts">
          <Field label="Name">{respondent?.name ?? <Missing />}</Field>
          <Field label="ID">{respondent?.external_id ?? response.end_user_id}</Field>
          <Field label="E-mail">{respondent?.email ?? <Missing />}</Field>
          {respondent?.phone != null && <Field label="Phone">{respondent.phone}</Field>}
          <Field label="Company">{response.company ?? <Missing />}</Field>
          <Field label="Country">{response.country === null ? <Missing /> : countryName(response.country)}</Field>
          <Field label="Language">{response.language === null ? <Missing /> : languageName(response.language)}</Field>
          <Field label="Product">{response.product}</Field>
          <Field label="URL">
            {response.origin_url === null ? <Missing /> : <CommentText text={response.origin_url} search="" linkable />}
          </Field>
          {response.tags.length > 0 && <Field label="Tags">{response.tags.join(', ')}</Field>}
        </dl>
      </section>
      <FollowupSection detail={loaded.detail} refresh={refresh} />
      <section className="detail-section" aria-labelledby="detail-timeline">
        <h3 id="detail-timeline">Their other answers</h3>
        {timeline.length === 0 ? (
          <p className="muted">None: this is their only answer.</p>
        ) : (
          <ol className="timeline">
            {timeline.map((entry) => (
              <TimelineItem key={entry.kind === 'response' ? entry.response.id : entry.decline.id} entry={entry} />
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
});
