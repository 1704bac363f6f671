// 数据源 (GET /sources): state, lag, counts and last error per source, refreshed every few seconds;
// pause, resume and resync (POST /sources/{id}/pause|resume|resync), resync after confirmation.
import {get, post} from '../api.js';
import {h, replace, toast, confirmAction} from '../dom.js';
import {failureNotice} from '../errors.js';
import {catalog, formatTime, sourceName} from '../catalog.js';

const STATE_NAMES = {running: '运行中', paused: '已暂停', failed: '故障', starting: '启动中', retrying: '重试中', stopped: '已停止'};
const REFRESH_MS = 5000;

export async function render(main) {
  const cat = await catalog();
  const box = h('div', {id: 'sources'});
  const message = h('div', {id: 'sources-message'});
  const updated = h('span', {class: 'small muted', id: 'sources-updated'});
  replace(main, h('div', {class: 'row'}, h('h1', {}, '数据源'), h('span', {class: 'spacer'}), updated,
    h('button', {type: 'button', id: 'sources-refresh', onclick: load}, '刷新')), message, box);
  let timer = null;
  await load();
  return () => clearTimeout(timer);

  async function load() {
    clearTimeout(timer);
    try {
      const answer = await get('/sources');
      const list = Array.isArray(answer) ? answer : (answer && (answer.sources || answer.items)) || [];
      replace(message);
      renderTable(list);
      replace(updated, `更新于 ${formatTime(Date.now())}`);
    } catch (e) {
      replace(message, failureNotice(e) || '');
      if (e.status === 403) return;
    }
    timer = setTimeout(load, REFRESH_MS);
  }

  function renderTable(list) {
    if (!list.length) {
      replace(box, h('p', {class: 'muted'}, '尚未配置数据源。'));
      return;
    }
    const headers = ['数据源', '类型', '状态', '最近事件（北京时间）', '延迟', '读取', '接受', '隔离', '最近错误', '操作'];
    replace(box, h('div', {class: 'table-wrap cards-wrap'}, h('table', {class: 'cards', id: 'sources-table'},
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
      h('tbody', {}, list.map((s) => row(s, headers))))));
  }

  function row(s, headers) {
    const id = s.id || s.source;
    const counts = s.counts || {};
    const read = first(counts.read, s.records_read, s.read, s.events_read);
    const accepted = first(counts.accepted, s.records_accepted, s.accepted);
    const quarantined = first(counts.quarantined, s.records_quarantined, s.quarantined);
    const state = s.state || '';
    const cells = [
      sourceName(cat, id),
      s.type || '',
      h('span', {class: `badge ${state}`, 'data-state': state}, STATE_NAMES[state] || state),
      formatTime(first(s.last_event_time, s.last_event_at, s.lastEventTime)) || '—',
      lag(s.lag, s.last_event_age_seconds),
      number(read), number(accepted), number(quarantined),
      s.last_error ? h('span', {class: 'error small'}, s.last_error) : '—',
      h('div', {class: 'row'},
        state === 'paused'
          ? h('button', {type: 'button', 'data-action': 'resume', onclick: () => act(id, 'resume', '恢复')}, '恢复')
          : h('button', {type: 'button', 'data-action': 'pause', onclick: () => act(id, 'pause', '暂停')}, '暂停'),
        h('button', {type: 'button', 'data-action': 'resync', class: 'danger', onclick: () => act(id, 'resync', '重新同步')}, '重新同步')),
    ];
    return h('tr', {'data-source': id}, cells.map((c, i) => h('td', {'data-label': headers[i]}, c)));
  }

  async function act(id, action, label) {
    if (action === 'resync' && !(await confirmAction(`确定要重新同步“${sourceName(cat, id)}”吗？将从源系统重新读取全部记录。`))) return;
    try {
      await post(`/sources/${encodeURIComponent(id)}/${action}`, {});
      toast(`已${label}：${sourceName(cat, id)}`);
    } catch (e) {
      replace(message, failureNotice(e) || '');
    }
    load();
  }
}

function first(...values) {
  return values.find((v) => v !== undefined && v !== null);
}

function number(v) {
  return v === undefined || v === null ? '—' : Number(v).toLocaleString('zh-CN');
}

/** Lag: records known to wait in the source, and how long ago the newest event happened there. */
function lag(v, ageSeconds) {
  const age = ageSeconds === undefined || ageSeconds === null ? '' : `最近事件距今 ${duration(ageSeconds)}`;
  if (v === undefined || v === null) return age || '—';
  if (typeof v === 'number') return [`${v.toLocaleString('zh-CN')} 条待读`, age].filter(Boolean).join('，');
  if (typeof v === 'object') {
    const parts = [];
    if (v.records !== undefined) parts.push(`${v.records} 条`);
    if (v.seconds !== undefined) parts.push(`${v.seconds} 秒`);
    return parts.join(' / ') || JSON.stringify(v);
  }
  return String(v);
}

function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds)));
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
  return `${Math.floor(s / 86400)} 天`;
}
