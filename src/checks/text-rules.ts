import { shanghaiDate } from '../time/shanghai.ts';
import type { CheckResult } from './types.ts';

/** The source line (信息来源) at the end of the body, in full-width brackets. */
export const SOURCE_LINE = /（[^（）]*[^\s（）][^（）]*）\s*$/u;

/** 稿件最后应注明信息来源: `（鄂尔多斯市计生协 张三 供稿）` closes the body. */
export function checkSourceLine(body: string, unitName: string): CheckResult[] {
  if (SOURCE_LINE.test(body)) return [];
  const example = `（${unitName}计生协 张三 供稿）`;
  const halfWidth = /\([^()]+\)\s*$/u.test(body);
  return [
    {
      code: 'source_line',
      severity: 'error',
      field: 'body',
      message: halfWidth
        ? `正文末尾的信息来源须使用全角括号“（）”，如“${example}”。`
        : `正文末尾应以全角括号注明信息来源，如“${example}”。`,
    },
  ];
}

/** The event date: not in the future, and not more than two weeks old (原则上两周前的信息将不予采用). */
export function checkEventDate(eventDate: string, staleAt: number, now: number): CheckResult[] {
  const today = shanghaiDate(now);
  if (eventDate > today) {
    return [{ code: 'event_date', severity: 'error', field: 'eventDate', message: `事件日期${eventDate}晚于今天（${today}），请核实。` }];
  }
  if (now > staleAt) {
    return [
      {
        code: 'event_date',
        severity: 'error',
        field: 'eventDate',
        message: `事件日期${eventDate}已超过两周，按规定不予采用。`,
      },
    ];
  }
  return [];
}

/** 报送自治区的信息要同时在本盟市计生协公众号刊发: a link to the same article on WeChat. */
export function checkWechatUrl(url: string | null, unitName: string): CheckResult[] {
  if (!url) {
    return [{ code: 'wechat_url', severity: 'warning', field: 'wechatUrl', message: `未填写本信息在${unitName}计生协微信公众号刊发的链接。` }];
  }
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // reported below
  }
  if (host !== 'mp.weixin.qq.com') {
    return [
      {
        code: 'wechat_url',
        severity: 'warning',
        field: 'wechatUrl',
        message: `公众号链接应为微信公众号文章地址（mp.weixin.qq.com），当前为“${url}”。`,
      },
    ];
  }
  return [];
}
