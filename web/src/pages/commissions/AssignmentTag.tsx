import { Tag } from 'antd';
import { ASSIGNMENT_STATE_LABEL, STATE_COLOR, type Assignment } from './queries';

/** An assignment's state, with the service's label when it gives one. */
export function AssignmentTag({ assignment }: { assignment: Pick<Assignment, 'state' | 'stateLabel' | 'late'> }) {
  return (
    <>
      <Tag color={STATE_COLOR[assignment.state]}>{assignment.stateLabel || ASSIGNMENT_STATE_LABEL[assignment.state]}</Tag>
      {assignment.late && assignment.state !== 'missed' && <Tag color="red">逾期</Tag>}
    </>
  );
}
