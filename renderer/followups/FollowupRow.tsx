// One follow-up in the Follow-ups section's list: who and what they said, status, owner (on
// the team list) and when first contact is due.
import type { FollowupListRow } from '../../common/ipc/channels/followups.js';
import { STATUS_LABELS } from '../../common/domain/followup-status.js';
import { ScoreBadge } from '../queue/columns.js';
import { dueDistance, shortDate } from '../queue/format.js';

export function FollowupRowContent({
  row,
  showAssignee,
  overdue,
}: {
  readonly row: FollowupListRow;
  readonly showAssignee: boolean;
  readonly overdue: boolean;
}) {
  const when =
    row.status === 'informed' || row.status === 'closed_no_action'
      ? `Closed ${shortDate(row.updatedAt)}`
      : row.status === 'done'
        ? `Done ${shortDate(row.updatedAt)}`
        : row.dueAt === null
          ? '—'
          : row.firstContactAt !== null
            ? `Contacted ${shortDate(row.firstContactAt)}`
            : dueDistance(row.dueAt);
  return (
    <>
      <ScoreBadge row={{ metric: row.surveyType, score: row.score, band: row.band }} />
      <span className="followup-row-main">
        <span className="followup-row-who">{row.respondentName}</span>
        <span className="followup-row-excerpt">{row.excerpt ?? 'No comment'}</span>
      </span>
      <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
      {showAssignee && <span className="followup-row-assignee">{row.assigneeName ?? 'Unassigned'}</span>}
      <span className={overdue ? 'followup-row-due due-overdue' : 'followup-row-due'}>{when}</span>
    </>
  );
}
