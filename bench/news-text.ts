/**
 * Sentences of the kind the association's news items are made of, for generated bodies: a body
 * drawn from them has as many different characters and pairs of characters as a real one, which
 * is what the search indexes' cost depends on (a body repeating one phrase costs them a fraction).
 */
export const SENTENCES = [
  '活动现场气氛热烈，群众参与积极。', '工作人员向群众发放宣传资料并现场答疑。', '此次活动进一步提升了群众的健康意识。',
  '与会人员围绕工作重点进行了深入交流。', '会议总结了上半年工作，部署了下一阶段任务。', '志愿者走进社区，为老年人提供健康咨询。',
  '计生协将继续做好家庭健康服务工作。', '讲座内容丰富，通俗易懂，受到广泛好评。', '各旗县区计生协负责人参加会议。',
  '活动共发放宣传册两千余份，接受咨询三百余人次。', '通过入户走访，详细了解特殊家庭的生活状况。', '下一步将持续完善关怀帮扶机制。',
  '专家结合典型案例讲解了科学育儿知识。', '青少年积极参与互动环节，现场反响良好。', '各级计生协组织要切实履行职责。',
  '此次培训为做好人口监测工作打下了坚实基础。', 'WeChat 公众号同步推送了活动信息。', '社区卫生服务中心提供了义诊服务。',
];

/** Sentences per body: about 400 characters, as the association's items run. */
export const SENTENCES_PER_BODY = 22;

/** A pseudo-random number in 0 … 2³¹-1 from two integers (the same each run). */
const mix = (a: number, b: number) => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 13)) & 0x7fffffff;
};

/** The body of generated item `i`: sentences drawn from SENTENCES, different for each `i`. */
export function newsBody(i: number): string {
  return Array.from({ length: SENTENCES_PER_BODY }, (_, k) => SENTENCES[mix(i, k) % SENTENCES.length]).join('');
}
