import { describe, expect, it } from 'vitest';
import unitsFile from '../../db/units.json' with { type: 'json' };
import { runChecks } from '../../src/checks/checker.ts';
import { nameDirectory } from '../../src/checks/directory.ts';
import { checkImageCaptions, checkImageCount, checkImageResolution, checkImageType, checkPhoto, type ImageFacts } from '../../src/checks/image-rules.ts';
import { checkPunctuation } from '../../src/checks/punctuation.ts';
import { checkTitlePrefix } from '../../src/checks/title-prefix.ts';
import { checkEventDate, checkSourceLine, checkWechatUrl } from '../../src/checks/text-rules.ts';
import type { Unit } from '../../src/services/unit-directory.ts';
import { sniffType } from '../../src/services/image-decoder.ts';
import { jpeg, png } from '../support/images.ts';

const units = unitsFile.units as Unit[];
const names = nameDirectory(units);
const unit = (name: string) => units.find((u) => u.name === name)!;
const title = (text: string, unitName: string) => checkTitlePrefix(text, unit(unitName), names);

describe('title_prefix: a full administrative name opens the title', () => {
  it('accepts the region, the unit and its own counties', () => {
    expect(title('鄂尔多斯市计生协开展优生优育进家庭活动', '鄂尔多斯市')).toEqual([]);
    expect(title('鄂托克前旗计生协开展青春健康教育活动', '鄂尔多斯市')).toEqual([]);
    expect(title('内蒙古自治区计生协调研组赴兴安盟调研', '兴安盟')).toEqual([]);
    expect(title('科尔沁右翼前旗计生协开展家庭健康服务', '兴安盟')).toEqual([]);
    expect(title('满洲里市计生协开展关爱活动', '满洲里市')).toEqual([]);
  });

  it('names the full form for 土左旗 and 科右前旗', () => {
    const [tuzuo] = title('土左旗计生协开展“5·29会员活动日”活动', '呼和浩特市');
    expect(tuzuo).toMatchObject({ code: 'title_prefix', severity: 'error', field: 'title' });
    expect(tuzuo.message).toContain('“土左旗”');
    expect(tuzuo.message).toContain('“土默特左旗”');
    const [keyouqian] = title('科右前旗计生协开展优生优育宣传', '兴安盟');
    expect(keyouqian.message).toContain('“科尔沁右翼前旗”');
  });

  it('refuses a county of another unit and says whose it is not', () => {
    const [wrong] = title('鄂托克前旗计生协开展青春健康教育活动', '兴安盟');
    expect(wrong.message).toContain('“鄂托克前旗”不属于兴安盟');
    const [otherCity] = title('包头市计生协开展活动', '鄂尔多斯市');
    expect(otherCity.message).toContain('不属于鄂尔多斯市');
  });

  it('resolves a bare or ambiguous short form from the unit’s own counties', () => {
    expect(title('前旗计生协开展活动', '鄂尔多斯市')[0].message).toContain('“鄂托克前旗”');
    expect(title('前旗计生协开展活动', '巴彦淖尔市')[0].message).toContain('“乌拉特前旗”');
    expect(title('扎旗计生协开展活动', '通辽市')[0].message).toContain('“扎鲁特旗”');
    expect(title('扎旗计生协开展活动', '兴安盟')[0].message).toContain('“扎赉特旗”');
    expect(title('开发区计生协开展活动', '鄂尔多斯市')[0].message).toContain('“开发区”');
  });

  it('asks for a full name when the title opens with none', () => {
    const [none] = title('市计生协召开信息工作会议', '赤峰市');
    expect(none.message).toContain('标题应以行政区域全称开头');
    expect(none.message).toContain('“赤峰市”');
  });
});

const photo = (position: number, width: number, height: number, extra: Partial<ImageFacts> = {}): ImageFacts => ({
  id: `img-${position}`,
  position,
  mime: 'image/jpeg',
  width,
  height,
  bytes: 200_000,
  caption: '活动现场',
  ...extra,
});

describe('photos', () => {
  it('wants 1 to 3 photos', () => {
    expect(checkImageCount([])[0]).toMatchObject({ code: 'images_count', severity: 'error' });
    expect(checkImageCount([photo(1, 1024, 768)])).toEqual([]);
    const four = checkImageCount([1, 2, 3, 4].map((p) => photo(p, 1024, 768)));
    expect(four[0].message).toContain('当前为4张');
  });

  it('measures resolution on the long and short sides: a 600×800 portrait passes, 1×1 does not', () => {
    expect(checkImageResolution([photo(1, 600, 800), photo(2, 800, 600)])).toEqual([]);
    const small = checkImageResolution([photo(1, 1, 1), photo(2, 599, 800), photo(3, 800, 599)]);
    expect(small.map((r) => r.field)).toEqual(['images[1]', 'images[2]', 'images[3]']);
    expect(small[0].message).toContain('1×1');
  });

  it('accepts only JPEG and PNG up to the size limit', () => {
    expect(checkImageType([photo(1, 800, 600, { mime: 'image/png' })], 10 << 20)).toEqual([]);
    expect(checkImageType([photo(1, 800, 600, { mime: 'image/gif' })], 10 << 20)[0].code).toBe('image_type');
    expect(checkImageType([photo(1, 800, 600, { bytes: 11 << 20 })], 10 << 20)[0].message).toContain('10MB');
  });

  it('warns about a photo without a caption', () => {
    expect(checkImageCaptions([photo(1, 800, 600, { caption: null }), photo(2, 800, 600)])).toEqual([
      { code: 'image_caption', severity: 'warning', field: 'images[1]', message: '第1张图片缺少图注，请补充。' },
    ]);
  });

  it('reads the type from the first bytes, not the name', async () => {
    expect(sniffType(png(800, 600).subarray(0, 8))).toBe('image/png');
    expect(sniffType((await jpeg(800, 600)).subarray(0, 8))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
  });

  it('answers one photo with its own findings only', () => {
    expect(checkPhoto(photo(2, 600, 800), 10 << 20)).toEqual([]);
    expect(checkPhoto(photo(2, 640, 480, { caption: null }), 10 << 20)).toEqual([
      { code: 'image_resolution', severity: 'error', field: 'images[2]', message: '第2张图片分辨率为640×480像素，低于800×600像素，请更换清晰图片。' },
    ]);
    expect(checkPhoto(photo(1, 1024, 768, { mime: 'image/gif' }), 10 << 20).map((r) => r.code)).toEqual(['image_type']);
  });
});

describe('text rules', () => {
  it('wants the source line at the end, in full-width brackets', () => {
    expect(checkSourceLine('5月18日，活动顺利举行。（鄂尔多斯市计生协 张三 供稿）', '鄂尔多斯市')).toEqual([]);
    const half = checkSourceLine('活动顺利举行。(鄂尔多斯市计生协 张三 供稿)', '鄂尔多斯市');
    expect(half[0]).toMatchObject({ code: 'source_line', severity: 'error', field: 'body' });
    expect(half[0].message).toContain('全角括号');
    const none = checkSourceLine('活动顺利举行。', '包头市');
    expect(none[0].message).toContain('（包头市计生协 张三 供稿）');
    expect(checkSourceLine('（鄂尔多斯市计生协 张三 供稿）活动顺利举行。', '鄂尔多斯市')).toHaveLength(1);
  });

  it('refuses an event in the future or more than two weeks old', () => {
    const now = Date.parse('2024-05-20T10:00:00+08:00');
    const staleAt = Date.parse('2024-06-01T23:59:59.999+08:00');
    expect(checkEventDate('2024-05-18', staleAt, now)).toEqual([]);
    expect(checkEventDate('2024-05-21', staleAt, now)[0].message).toContain('晚于今天');
    expect(checkEventDate('2024-05-18', staleAt, staleAt + 1)[0].message).toContain('已超过两周');
  });

  it('warns about a missing or foreign WeChat link', () => {
    expect(checkWechatUrl('https://mp.weixin.qq.com/s/abc', '包头市')).toEqual([]);
    expect(checkWechatUrl(null, '包头市')[0]).toMatchObject({ code: 'wechat_url', severity: 'warning' });
    expect(checkWechatUrl('https://example.com/a', '包头市')[0].message).toContain('mp.weixin.qq.com');
  });

  it('warns about half-width punctuation, stray spaces and unpaired quotes in Chinese text', () => {
    const clean = '5月18日，鄂尔多斯市计生协在康巴什区开展活动，发放宣传资料1000余份。（鄂尔多斯市计生协 张三 供稿）';
    expect(checkPunctuation('鄂尔多斯市计生协开展“优生优育进家庭”活动', clean)).toEqual([]);
    const comma = checkPunctuation('鄂尔多斯市计生协开展活动', '5月18日,鄂尔多斯市计生协开展活动。');
    expect(comma).toHaveLength(1);
    expect(comma[0]).toMatchObject({ code: 'punctuation', severity: 'warning', field: 'body' });
    expect(comma[0].message).toContain('全角');
    const brackets = checkPunctuation('鄂尔多斯市计生协开展活动(第二期)', '活动现场 ，气氛热烈。');
    expect(brackets.map((r) => r.field)).toEqual(['title', 'title', 'body']);
    const quotes = checkPunctuation('鄂尔多斯市计生协开展“优生优育进家庭活动', '正文。');
    expect(quotes.some((r) => r.message.includes('不成对'))).toBe(true);
  });
});

describe('the checker', () => {
  it('runs every rule and lists errors before warnings', () => {
    const results = runChecks(
      {
        title: '土左旗计生协开展活动',
        body: '活动顺利举行。',
        eventDate: '2024-05-25',
        staleAt: Date.parse('2024-06-08T23:59:59.999+08:00'),
        wechatUrl: null,
        unit: unit('呼和浩特市'),
        images: [photo(1, 640, 480, { caption: null })],
        now: Date.parse('2024-05-20T10:00:00+08:00'),
        maxImageBytes: 10 << 20,
      },
      names,
    );
    expect(results.map((r) => `${r.severity}:${r.code}`)).toEqual([
      'error:title_prefix',
      'error:image_resolution',
      'error:source_line',
      'error:event_date',
      'warning:wechat_url',
      'warning:image_caption',
    ]);
  });
});
