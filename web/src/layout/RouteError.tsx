import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** A page that failed to load or render: say so, offer a way on. */
export function RouteError() {
  const error = useRouteError() as { message?: string } | undefined;
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={error?.message ?? '请刷新页面重试'}
      extra={<Button type="primary" onClick={() => window.location.assign('/')}>回到首页</Button>}
    />
  );
}
