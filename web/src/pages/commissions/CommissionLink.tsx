import { Link } from 'react-router';
import { useCommission } from './queries';

/** The commission an item answers, by its title. */
export function CommissionLink({ id }: { id: string }) {
  const commission = useCommission(id);
  return <Link to={`/commissions/${id}`}>{commission.data?.title ?? '查看约稿'}</Link>;
}
