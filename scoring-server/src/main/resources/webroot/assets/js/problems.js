// The server's problems in the reader's language. Every error detail carries a stable `key` and
// `args` (server: http.ProblemKeys) besides its English `problem`; fields are the wire names
// (`competitor.idNumber`, `criteria[2].maxMark`, `row 7: bib`, `entry A07: B1`). Both are
// translated here, never the English text: a detail with an unknown key reads "this value is not
// accepted", so a Chinese page never shows an English server sentence.

import { has, lang, register, t } from './i18n.js';

register({
  zh: {
    'problem.required': '必填',
    'problem.tooLong': '最多 {max} 个字符',
    'problem.lengthBetween': '须为 {min}–{max} 个字符',
    'problem.oneOf': '须为以下之一：{choices}',
    'problem.between': '须在 {min} 到 {max} 之间',
    'problem.notString': '须为文字',
    'problem.notNumber': '须为数字',
    'problem.notWholeNumber': '须为整数',
    'problem.notPositive': '须为正整数',
    'problem.notObject': '格式不正确',
    'problem.notArray': '格式不正确',
    'problem.notBoolean': '须为是或否',
    'problem.tooMany': '最多 {max} 项',
    'problem.bibTaken': '参赛号 {bib} 已被使用',
    'problem.taken': '已被使用',
    'problem.alreadyEntered': '此人已报名本项目',
    'problem.repeatedPerson': '同一人出现了两次',
    'problem.repeatedBib': '参赛号在文件中重复',
    'problem.bibFormat': '须为 1–20 位字母、数字或“-”，以字母或数字开头',
    'problem.usernameFormat': '须为 3–64 位字母、数字或 . _ -，以字母或数字开头',
    'problem.disableSelf': '不能停用自己的账号',
    'problem.unknownRegion': '不是已知的地区',
    'problem.unknownContest': '不是已知的竞赛',
    'problem.unknownUser': '不是已知的用户',
    'problem.notJudge': '须为裁判账号',
    'problem.notCriterion': '{code} 不是本项目的评分项',
    'problem.locked': '已锁定',
    'problem.notLocked': '尚未锁定',
    'problem.status': '当前状态：{status}',
    'problem.marksShort': '已评 {n}/{of}',
    'problem.discrepancy': '评分分歧未解决',
    'problem.recheckOpen': '{of} 项中 {n} 项尚无复核结果',
    'problem.conflictOfInterest': '需回避（与选手同单位）',
    'problem.noMarkToCorrect': '该裁判尚未给 {bib} 的 {code} 评分，无可更正',
    'problem.notOnPanel': '不在本项目裁判组',
    'problem.notAssigned': '未被分配评分项 {code}',
    'problem.idLength': '身份证号须为 18 位',
    'problem.idDigits': '前 17 位须为数字',
    'problem.idCheckCharacter': '第 18 位须为数字或 X',
    'problem.idCheck': '校验位不正确',
    'problem.idBirthFuture': '出生日期在未来',
    'problem.idBirthDate': '出生日期不是有效日期',
    'problem.markAboveMax': '分数不能超过满分 {max}',
    'problem.markDecimals': '最多两位小数',
    'problem.markNegative': '分数不能为负',
    'problem.markWss': '只能是 0、1、2 或 3',
    'problem.markMissing': '请填写分数',
    'problem.occupationCode': '须为职业代码，如 6-18-01-01',
    'problem.regionCodeFormat': '须为 6 位地区代码',
    'problem.score': '须为不小于 0、最多两位小数的分数',
    'problem.idempotencyConflict': '该评分编号已用于另一评分',
    'problem.teamSize': '本项目每队须为 {n} 人',
    'problem.teamSizeRange': '团体项目每队 {min}–{max} 人',
    'problem.notForIndividual': '个人项目不填此项',
    'problem.noCriteria': '评分表至少需要一个评分项',
    'problem.schemeField': '评分项缺少内容',
    'problem.maxMark': '满分须大于 0、不超过 100、最多两位小数',
    'problem.duplicateCode': '代码重复',
    'problem.tieBreak': '并列规则不正确',
    'problem.judgesAtLeast': '该计分方法至少需要 {n} 名裁判',
    'problem.judgesExactly': '该计分方法需要恰好 {n} 名裁判',
    'problem.trim': '去掉最高最低分的个数至少为 1',
    'problem.appealsOpen': '还有 {n} 件申诉未处理',
    'problem.noticeNotOver': '公示期尚未结束',
    'problem.feedsInto': '晋级去向不符合层级规则',
    'problem.regionLevel': '地区层级不符',
    'problem.header': '表头须为 bib,name,idNumber,employer,trainingUnit,currentLevel',
    'problem.invalid': '此值不被接受',
    'fieldpath.row': '第 {n} 行',
    'fieldpath.entry': '选手 {bib}',
    'fieldpath.member': '队员 {n}',
    'fieldpath.criterion': '评分项第 {n} 行',
    'fieldpath.recheck': '复核',
    'fieldpath.event': '项目 {name}',
    'field.username': '用户名', 'field.password': '密码', 'field.displayName': '姓名', 'field.affiliation': '工作单位',
    'field.role': '角色', 'field.regionCode': '地区', 'field.disabled': '停用', 'field.bib': '参赛号', 'field.name': '姓名',
    'field.idNumber': '身份证号', 'field.employer': '工作单位', 'field.trainingUnit': '培养单位', 'field.currentLevel': '现有等级',
    'field.teamName': '队名', 'field.members': '队员', 'field.competitor': '选手', 'field.status': '状态', 'field.reason': '原因',
    'field.seconds': '用时', 'field.userId': '裁判', 'field.criteria': '评分项', 'field.criterion': '评分项',
    'field.judgeUserId': '裁判', 'field.value': '分数', 'field.eventId': '项目', 'field.outcome': '复核结果', 'field.note': '备注',
    'field.code': '代码', 'field.module': '模块', 'field.kind': '类型', 'field.maxMark': '满分', 'field.method': '计分方法',
    'field.judges': '裁判人数', 'field.trim': '去掉个数', 'field.tieBreak': '并列规则', 'field.occupationCode': '职业代码',
    'field.occupationName': '职业名称', 'field.group': '组别', 'field.mode': '形式', 'field.teamSize': '每队人数',
    'field.advanceQuota': '晋级名额', 'field.advanceMinScore': '晋级最低分', 'field.year': '年度', 'field.tier': '层级',
    'field.category': '类别', 'field.feedsInto': '晋级去向', 'field.visibility': '公开方式', 'field.noticeDays': '公示天数',
    'field.appeals': '申诉', 'field.noticeEndsAt': '公示期', 'field.q': '搜索', 'field.scheme': '评分表',
  },
  en: {
    'problem.required': 'is required',
    'problem.tooLong': 'at most {max} characters',
    'problem.lengthBetween': 'must be {min}–{max} characters',
    'problem.oneOf': 'must be one of: {choices}',
    'problem.between': 'must be between {min} and {max}',
    'problem.notString': 'must be text',
    'problem.notNumber': 'must be a number',
    'problem.notWholeNumber': 'must be a whole number',
    'problem.notPositive': 'must be a positive whole number',
    'problem.notObject': 'has the wrong form',
    'problem.notArray': 'has the wrong form',
    'problem.notBoolean': 'must be yes or no',
    'problem.tooMany': 'at most {max} items',
    'problem.bibTaken': 'bib {bib} is taken',
    'problem.taken': 'is taken',
    'problem.alreadyEntered': 'this person is already entered in this event',
    'problem.repeatedPerson': 'the same person appears twice',
    'problem.repeatedBib': 'the same bib appears twice in the file',
    'problem.bibFormat': '1–20 letters, digits or “-”, starting with a letter or digit',
    'problem.usernameFormat': '3–64 letters, digits, “.”, “_” or “-”, starting with a letter or digit',
    'problem.disableSelf': 'you cannot disable your own account',
    'problem.unknownRegion': 'is not a known region',
    'problem.unknownContest': 'is not a known contest',
    'problem.unknownUser': 'is not a known user',
    'problem.notJudge': 'must be a judge account',
    'problem.notCriterion': '{code} is not a criterion of this event',
    'problem.locked': 'is locked',
    'problem.notLocked': 'is not locked yet',
    'problem.status': 'the status is {status}',
    'problem.marksShort': '{n} of {of} marks in',
    'problem.discrepancy': 'disagreement not resolved',
    'problem.recheckOpen': '{n} of {of} items without an outcome',
    'problem.conflictOfInterest': 'conflict of interest (same unit)',
    'problem.noMarkToCorrect': 'this judge has not marked {bib} on {code}: nothing to correct',
    'problem.notOnPanel': 'is not on this event’s panel',
    'problem.notAssigned': 'is not assigned {code}',
    'problem.idLength': 'an ID number has 18 characters',
    'problem.idDigits': 'the first 17 characters must be digits',
    'problem.idCheckCharacter': 'the 18th character must be a digit or X',
    'problem.idCheck': 'the check character does not match',
    'problem.idBirthFuture': 'the birth date is in the future',
    'problem.idBirthDate': 'the birth date is not a real date',
    'problem.markAboveMax': 'a mark cannot exceed the maximum {max}',
    'problem.markDecimals': 'at most 2 decimals',
    'problem.markNegative': 'a mark cannot be negative',
    'problem.markWss': 'must be 0, 1, 2 or 3',
    'problem.markMissing': 'enter a mark',
    'problem.occupationCode': 'an occupation code like 6-18-01-01',
    'problem.regionCodeFormat': 'a 6-digit region code',
    'problem.score': 'a score ≥ 0 with at most 2 decimals',
    'problem.idempotencyConflict': 'this mark id was used for another mark',
    'problem.teamSize': 'a team of this event has {n} members',
    'problem.teamSizeRange': 'a team has {min}–{max} members',
    'problem.notForIndividual': 'not for an individual event',
    'problem.noCriteria': 'a marking scheme needs at least one criterion',
    'problem.schemeField': 'a criterion is incomplete',
    'problem.maxMark': 'the maximum must be above 0, at most 100, with at most 2 decimals',
    'problem.duplicateCode': 'the code is used twice',
    'problem.tieBreak': 'the tie-break is not valid',
    'problem.judgesAtLeast': 'this method needs at least {n} judges',
    'problem.judgesExactly': 'this method needs exactly {n} judges',
    'problem.trim': 'trim at least 1 mark at each end',
    'problem.appealsOpen': '{n} appeal(s) still open',
    'problem.noticeNotOver': 'the notice period has not ended',
    'problem.feedsInto': 'does not fit the tier rules',
    'problem.regionLevel': 'the region level does not fit',
    'problem.header': 'the header must be bib,name,idNumber,employer,trainingUnit,currentLevel',
    'problem.invalid': 'this value is not accepted',
    'fieldpath.row': 'row {n}',
    'fieldpath.entry': 'entry {bib}',
    'fieldpath.member': 'member {n}',
    'fieldpath.criterion': 'criterion row {n}',
    'fieldpath.recheck': 'recheck',
    'fieldpath.event': 'event {name}',
    'field.username': 'username', 'field.password': 'password', 'field.displayName': 'name', 'field.affiliation': 'work unit',
    'field.role': 'role', 'field.regionCode': 'region', 'field.disabled': 'disabled', 'field.bib': 'bib', 'field.name': 'name',
    'field.idNumber': 'ID number', 'field.employer': 'employer', 'field.trainingUnit': 'training unit', 'field.currentLevel': 'current level',
    'field.teamName': 'team name', 'field.members': 'members', 'field.competitor': 'competitor', 'field.status': 'status', 'field.reason': 'reason',
    'field.seconds': 'time', 'field.userId': 'judge', 'field.criteria': 'criteria', 'field.criterion': 'criterion',
    'field.judgeUserId': 'judge', 'field.value': 'mark', 'field.eventId': 'event', 'field.outcome': 'outcome', 'field.note': 'note',
    'field.code': 'code', 'field.module': 'module', 'field.kind': 'kind', 'field.maxMark': 'maximum', 'field.method': 'method',
    'field.judges': 'judges', 'field.trim': 'trim', 'field.tieBreak': 'tie-breaks', 'field.occupationCode': 'occupation code',
    'field.occupationName': 'occupation', 'field.group': 'group', 'field.mode': 'mode', 'field.teamSize': 'team size',
    'field.advanceQuota': 'advancement quota', 'field.advanceMinScore': 'advancement minimum', 'field.year': 'year', 'field.tier': 'tier',
    'field.category': 'category', 'field.feedsInto': 'feeds into', 'field.visibility': 'visibility', 'field.noticeDays': 'notice days',
    'field.appeals': 'appeals', 'field.noticeEndsAt': 'notice period', 'field.q': 'search', 'field.scheme': 'marking scheme',
  },
});

/** A detail's problem in the reader's language, by its key (never its English text). */
export function problemText(detail) {
  const key = detail && detail.key ? `problem.${detail.key}` : 'problem.invalid';
  const args = (detail && detail.args) || {};
  if (has(key)) {
    return t(key, args);
  }
  return lang() === 'en' && detail?.problem ? detail.problem : t('problem.invalid');
}

/**
 * A wire field name in the reader's language: `competitor.idNumber` → 身份证号, `members[1].name`
 * → 队员 2 · 姓名, `row 7: bib` → 第 7 行 · 参赛号, `entry A07: B1` → 选手 A07 · B1.
 */
export function fieldText(field) {
  const text = String(field ?? '');
  let m = /^row (\d+): (.*)$/.exec(text);
  if (m) {
    return `${t('fieldpath.row', { n: m[1] })} · ${fieldText(m[2])}`;
  }
  m = /^entry (\S+): (\S+)$/.exec(text);
  if (m) {
    return `${t('fieldpath.entry', { bib: m[1] })} · ${m[2]}`;
  }
  m = /^recheck (\d+)$/.exec(text);
  if (m) {
    return t('fieldpath.recheck');
  }
  m = /^event \d+ \((.*)\)(?: (.*))?$/.exec(text);
  if (m) {
    return m[2] ? `${t('fieldpath.event', { name: m[1] })} · ${fieldText(m[2])}` : t('fieldpath.event', { name: m[1] });
  }
  const parts = text.split('.').filter(Boolean).map((part) => {
    const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
    if (indexed) {
      const n = Number(indexed[2]) + 1;
      if (indexed[1] === 'members') {
        return t('fieldpath.member', { n });
      }
      if (indexed[1] === 'criteria') {
        return t('fieldpath.criterion', { n });
      }
      return `${label(indexed[1])} ${n}`;
    }
    return label(part);
  });
  // "competitor.idNumber" reads as the field itself: the form already says whose.
  const shown = parts.length > 1 && parts[0] === label('competitor') ? parts.slice(1) : parts;
  return shown.join(' · ');
}

function label(name) {
  return has(`field.${name}`) ? t(`field.${name}`) : name;
}

/** "身份证号：校验位不正确" for one detail. */
export function detailText(detail) {
  return detail.field ? `${fieldText(detail.field)}：${problemText(detail)}`.replace('：', lang() === 'en' ? ': ' : '：') : problemText(detail);
}
