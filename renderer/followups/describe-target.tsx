// Names the follow-ups a dialog acts on: "Ingrid Olsen · NPS 3 (Detractor) — “The export…”",
// or "3 follow-ups" for a bulk action.
import type { FollowupTarget } from '../../common/ipc/channels/followups.js';
import { bandLabel, METRIC_LABELS } from '../../common/domain/metrics.js';

export function targetLabel(target: FollowupTarget): string {
  const who = target.respondentLabel;
  return `${who} · ${METRIC_LABELS[target.surveyType]} ${target.score} (${bandLabel(target.surveyType, target.score)})`;
}

export function TargetSummary({ targets }: { readonly targets: readonly FollowupTarget[] }) {
  const [first] = targets;
  if (first === undefined) return null;
  if (targets.length > 1) {
    const names = targets.slice(0, 3).map((t) => t.respondentLabel);
    const more = targets.length - names.length;
    return <span>{more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ')}</span>;
  }
  return (
    <>
      <span className="followup-dialog-who">{targetLabel(first)}</span>
      {first.excerpt !== null && first.excerpt.trim() !== '' && (
        <span className="followup-dialog-excerpt" lang={first.language ?? undefined}>
          “{first.excerpt.length > 160 ? `${first.excerpt.slice(0, 160).trimEnd()}…` : first.excerpt}”
        </span>
      )}
    </>
  );
}
