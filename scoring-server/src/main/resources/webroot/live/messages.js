// The big screen's words in 中文 (the default) and English (?lang=en). A hall screen has no one to
// press a language button, so the address alone decides; nothing is read from or written to storage.

const MESSAGES = {
  zh: {
    'app.title': '实时成绩',
    'board.provisional': '暂定成绩',
    'board.final': '最终成绩',
    'board.preview': '预览（已登录）',
    'col.rank': '名次',
    'col.bib': '参赛号',
    'col.name': '姓名',
    'col.team': '参赛队',
    'col.unit': '单位',
    'col.modules': '模块得分',
    'col.total': '总分',
    'row.marking': '评分中',
    'row.up': '上升 {n} 名',
    'row.down': '下降 {n} 名',
    'status.DQ': '取消资格',
    'status.DNS': '缺赛',
    'prize.GOLD': '金牌',
    'prize.SILVER': '银牌',
    'prize.BRONZE': '铜牌',
    'prize.EXCELLENCE': '优胜奖',
    'module.label': '模块 {code}',
    'module.of': '{value} / {max}',
    'scale.scheme': '条形长度：占该模块满分的比例',
    'scale.leader': '条形长度：相对该模块当前最高分',
    'conn.connecting': '正在连接…',
    'conn.live': '实时',
    'conn.reconnecting': '连接中断 · {s} 秒后重连',
    'conn.retrying': '正在重新连接…',
    'conn.waiting': '等待成绩公布',
    'conn.notFound': '未找到',
    'updated': '更新于 {time}',
    'page': '第 {n}/{total} 页',
    'kiosk.position': '项目 {n}/{total}',
    'kiosk.next': '下一项：{name}',
    'kiosk.noEvents': '该竞赛还没有竞赛项目。',
    'kiosk.noContest': '请在地址中给出竞赛编号，例如 /live/kiosk?contestId=3',
    'unpublished.title': '成绩将在公布后显示',
    'unpublished.body': '本项竞赛的成绩在正式公布前不对外显示。',
    'unpublished.retry': '本页面每 30 秒自动检查一次，公布后即刻显示成绩。',
    'notFound.title': '找不到该竞赛项目',
    'notFound.body': '请检查地址中的编号：{id}',
    'empty': '暂无参赛选手',
    'help.title': 'Craftmark 实时成绩大屏',
    'help.body': '请在地址中给出竞赛项目编号，例如 /live/12；轮播整个竞赛：/live/kiosk?contestId=3&seconds=20。加 ?lang=en 显示英文。',
    'group.EMPLOYEE': '职工组',
    'group.STUDENT': '学生组',
    'mode.INDIVIDUAL': '个人赛',
    'mode.TEAM': '团体赛',
    'status.contest.RUNNING': '比赛进行中',
    'status.contest.PUBLISHED': '公示中',
    'status.contest.FINAL': '成绩已确定',
    'event.fallback': '竞赛项目 {id}',
  },
  en: {
    'app.title': 'Live results',
    'board.provisional': 'Provisional',
    'board.final': 'Final results',
    'board.preview': 'Preview (signed in)',
    'col.rank': 'Rank',
    'col.bib': 'Bib',
    'col.name': 'Name',
    'col.team': 'Team',
    'col.unit': 'Unit',
    'col.modules': 'Modules',
    'col.total': 'Total',
    'row.marking': 'Marking',
    'row.up': 'Up {n}',
    'row.down': 'Down {n}',
    'status.DQ': 'Disqualified',
    'status.DNS': 'Did not start',
    'prize.GOLD': 'Gold',
    'prize.SILVER': 'Silver',
    'prize.BRONZE': 'Bronze',
    'prize.EXCELLENCE': 'Excellence',
    'module.label': 'Module {code}',
    'module.of': '{value} of {max}',
    'scale.scheme': 'Bars: share of each module’s maximum',
    'scale.leader': 'Bars: relative to the best in each module',
    'conn.connecting': 'Connecting…',
    'conn.live': 'Live',
    'conn.reconnecting': 'Connection lost · retrying in {s} s',
    'conn.retrying': 'Reconnecting…',
    'conn.waiting': 'Awaiting publication',
    'conn.notFound': 'Not found',
    'updated': 'Updated {time}',
    'page': 'Page {n} of {total}',
    'kiosk.position': 'Event {n} of {total}',
    'kiosk.next': 'Next: {name}',
    'kiosk.noEvents': 'This contest has no events yet.',
    'kiosk.noContest': 'Give the contest in the address, e.g. /live/kiosk?contestId=3',
    'unpublished.title': 'Results will be shown after publication',
    'unpublished.body': 'This contest’s results are not public until they are published.',
    'unpublished.retry': 'This screen checks every 30 seconds and shows the results as soon as they are published.',
    'notFound.title': 'No such event',
    'notFound.body': 'Check the number in the address: {id}',
    'empty': 'No competitors yet',
    'help.title': 'Craftmark live results screen',
    'help.body': 'Give an event in the address, e.g. /live/12; to cycle through a whole contest: /live/kiosk?contestId=3&seconds=20. Add ?lang=en for English.',
    'group.EMPLOYEE': 'Employees',
    'group.STUDENT': 'Students',
    'mode.INDIVIDUAL': 'Individual',
    'mode.TEAM': 'Team',
    'status.contest.RUNNING': 'In progress',
    'status.contest.PUBLISHED': 'Published',
    'status.contest.FINAL': 'Final',
    'event.fallback': 'Event {id}',
  },
};

const requested = new URLSearchParams(location.search).get('lang');
const current = requested === 'en' ? 'en' : 'zh';

export function lang() {
  return current;
}

export const htmlLang = current === 'en' ? 'en' : 'zh-CN';

/** The message for key with {vars} filled in; the key itself if unknown. */
export function t(key, vars) {
  const text = MESSAGES[current][key] ?? MESSAGES.zh[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole)) : text;
}

export function has(key) {
  return key in MESSAGES[current];
}
