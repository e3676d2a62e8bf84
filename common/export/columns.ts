// The columns a queue export can hold (issue "Exports"): the response, its follow-up (status,
// notes, tags, a summary of the contact log) and, only when the user ticks them one by one,
// the respondent's personal data. The core reads them in SQL (electron/core/export); the
// export dialog lists them from here.
import { z } from 'zod';

export type ExportValueType = 'text' | 'number' | 'instant' | 'boolean';

export interface ExportColumn {
  readonly id: string;
  readonly label: string;
  readonly type: ExportValueType;
  readonly group: 'response' | 'followup' | 'respondent';
  /**
   * Identifies or reaches the respondent. Never in an export unless chosen explicitly; an
   * export holding any is marked as personal data in the audit trail.
   */
  readonly personal: boolean;
  /** Free text typed by people: may mention anyone, so the dialog says so. */
  readonly freeText?: boolean;
}

export const QUEUE_EXPORT_COLUMNS = [
  { id: 'response_id', label: 'Response id', type: 'text', group: 'response', personal: false },
  { id: 'received_at', label: 'Received', type: 'instant', group: 'response', personal: false },
  { id: 'metric', label: 'Metric', type: 'text', group: 'response', personal: false },
  { id: 'score', label: 'Score', type: 'number', group: 'response', personal: false },
  { id: 'band', label: 'Band', type: 'text', group: 'response', personal: false },
  { id: 'comment', label: 'Comment', type: 'text', group: 'response', personal: false, freeText: true },
  { id: 'product', label: 'Product', type: 'text', group: 'response', personal: false },
  { id: 'company', label: 'Company', type: 'text', group: 'response', personal: false },
  { id: 'country', label: 'Country', type: 'text', group: 'response', personal: false },
  { id: 'channel', label: 'Channel', type: 'text', group: 'response', personal: false },
  { id: 'language', label: 'Language', type: 'text', group: 'response', personal: false },
  { id: 'response_tags', label: 'Response tags', type: 'text', group: 'response', personal: false },
  { id: 'excluded', label: 'Excluded from calculations', type: 'boolean', group: 'response', personal: false },
  { id: 'status', label: 'Follow-up status', type: 'text', group: 'followup', personal: false },
  { id: 'assignee', label: 'Assignee', type: 'text', group: 'followup', personal: false },
  { id: 'priority', label: 'Priority', type: 'text', group: 'followup', personal: false },
  { id: 'due_at', label: 'Due', type: 'instant', group: 'followup', personal: false },
  { id: 'overdue', label: 'Overdue', type: 'boolean', group: 'followup', personal: false },
  { id: 'first_contact_at', label: 'First contact', type: 'instant', group: 'followup', personal: false },
  { id: 'done_at', label: 'Done', type: 'instant', group: 'followup', personal: false },
  { id: 'informed_at', label: 'Informed', type: 'instant', group: 'followup', personal: false },
  { id: 'followup_tags', label: 'Follow-up tags', type: 'text', group: 'followup', personal: false },
  { id: 'root_causes', label: 'Root causes', type: 'text', group: 'followup', personal: false },
  { id: 'action_summary', label: 'Action taken', type: 'text', group: 'followup', personal: false, freeText: true },
  { id: 'closed_reason', label: 'Closed reason', type: 'text', group: 'followup', personal: false, freeText: true },
  { id: 'contacts', label: 'Contacts logged', type: 'number', group: 'followup', personal: false },
  { id: 'contact_summary', label: 'Contact log', type: 'text', group: 'followup', personal: false, freeText: true },
  { id: 'notes', label: 'Notes', type: 'text', group: 'followup', personal: false, freeText: true },
  { id: 'respondent_id', label: 'Respondent id', type: 'text', group: 'respondent', personal: true },
  { id: 'respondent_name', label: 'Respondent name', type: 'text', group: 'respondent', personal: true },
  { id: 'respondent_email', label: 'Respondent e-mail', type: 'text', group: 'respondent', personal: true },
  { id: 'respondent_phone', label: 'Respondent phone', type: 'text', group: 'respondent', personal: true },
  { id: 'respondent_external_id', label: 'Customer id', type: 'text', group: 'respondent', personal: true },
] as const satisfies readonly ExportColumn[];

export type QueueExportColumnId = (typeof QUEUE_EXPORT_COLUMNS)[number]['id'];
export const QUEUE_EXPORT_COLUMN_IDS = QUEUE_EXPORT_COLUMNS.map((c) => c.id) as [
  QueueExportColumnId,
  ...QueueExportColumnId[],
];

/** What the dialog offers ticked: everything but personal data. */
export const DEFAULT_EXPORT_COLUMNS: readonly QueueExportColumnId[] = QUEUE_EXPORT_COLUMNS.filter(
  (c) => !c.personal,
).map((c) => c.id);

const BY_ID: ReadonlyMap<string, ExportColumn> = new Map(QUEUE_EXPORT_COLUMNS.map((c) => [c.id, c]));

export function exportColumn(id: QueueExportColumnId): ExportColumn {
  const column = BY_ID.get(id);
  if (column === undefined) throw new RangeError(`Unknown export column ${id}`);
  return column;
}

export function includesPersonalData(columns: readonly QueueExportColumnId[]): boolean {
  return columns.some((id) => exportColumn(id).personal);
}

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;
