import { Tag } from 'antd';
import { useWords } from '../../api/lifecycle';
import { STATE_COLOR, type Assignment } from './queries';

/** An assignment's state, with the service's label when it gives one. */
export function AssignmentTag({ assignment }: { assignment: Pick<Assignment, 'state' | 'stateLabel' | 'late'> }) {
  const words = useWords();
  return (
    <>
      <Tag color={STATE_COLOR[assignment.state]}>{assignment.stateLabel || words.assignmentState(assignment.state)}</Tag>
      {assignment.late && assignment.state !== 'missed' && <Tag color="red">逾期</Tag>}
    </>
  );
}
