import { Button, Result } from 'antd';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return <Result status="404" title="没有这个页面" subTitle="地址可能有误，或该页面已不存在。" extra={<Link to="/"><Button type="primary">回到首页</Button></Link>} />;
}
