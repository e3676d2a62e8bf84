// t — the follow-up's own tags (churn-risk, enterprise…): pick from those in use or create one.
import { useState } from 'react';
import { DialogFrame, type OneFollowupDialogProps } from './DialogFrame.js';
import { TargetSummary } from './describe-target.js';
import { TagPicker } from './TagPicker.js';
import { useSubmit } from './use-submit.js';

export function TagsDialog({ target, context, onClose }: OneFollowupDialogProps) {
  const [tags, setTags] = useState<string[]>([...target.tags]);
  const { busy, error, run } = useSubmit(onClose);
  return (
    <DialogFrame
      title="Tags"
      about={<TargetSummary targets={[target]} />}
      submitLabel="Save tags"
      busy={busy}
      error={error}
      onSubmit={() => {
        run(
          [{ name: 'set_tags', args: { response_id: target.responseId, tags } }],
          tags.length === 0 ? 'Tags removed' : `Tags: ${tags.join(', ')}`,
        );
      }}
      onClose={onClose}
    >
      <TagPicker
        label="Tags"
        findLabel="Find or create a tag"
        options={context.tags}
        selected={tags}
        onChange={setTags}
        autoFocus
      />
    </DialogFrame>
  );
}
