// 隔离区 (GET /quarantine?source=&reason=): rejected records by source and reason with their raw
// content; replay one under the current mapping (POST /quarantine/{id}/replay).
import {get, post} from '../api.js';
import {h, replace, toast} from '../dom.js';
import {failureNotice} from '../errors.js';
import {catalog, formatTime, sourceName} from '../catalog.js';

export async function render(main, {query}) {
  const cat = await catalog();
  const sourceSelect = h('select', {id: 'quarantine-source', 'aria-label': '数据源'}, h('option', {value: ''}, '全部数据源'),
    Object.values(cat.sources).map((s) => h('option', {value: s.id}, `${s.name}（${s.id}）`)));
  sourceSelect.value = query.get('source') || '';
  const reason = h('input', {type: 'text', id: 'quarantine-reason', placeholder: '原因代码，如 INVALID_ID_NUMBER', value: query.get('reason') || ''});
  const reasons = h('div', {class: 'chips', id: 'quarantine-reasons'});
  const message = h('div', {id: 'quarantine-message'});
  const box = h('div', {id: 'quarantine'});
  const apply = () => {
    const params = new URLSearchParams();
    if (sourceSelect.value) params.set('source', sourceSelect.value);
    if (reason.value.trim()) params.set('reason', reason.value.trim());
    const hash = `#/quarantine${params.toString() ? `?${params}` : ''}`;
    if (location.hash === hash) load();
    else location.hash = hash;
  };
  sourceSelect.addEventListener('change', apply);
  reason.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
  replace(main, h('h1', {}, '隔离区'),
    h('p', {class: 'muted'}, '未能通过映射与校验的原始记录。修正映射后可逐条重放。'),
    h('div', {class: 'row panel'}, sourceSelect, reason, h('button', {type: 'button', class: 'primary', id: 'quarantine-apply', onclick: apply}, '筛选')),
    reasons, message, box);
  await load();

  async function load() {
    const params = new URLSearchParams();
    if (sourceSelect.value) params.set('source', sourceSelect.value);
    if (reason.value.trim()) params.set('reason', reason.value.trim());
    try {
      const answer = await get(`/quarantine${params.toString() ? `?${params}` : ''}`);
      const list = Array.isArray(answer) ? answer : (answer && (answer.records || answer.items)) || [];
      replace(message);
      renderReasons(list);
      renderTable(list, answer && answer.total);
    } catch (e) {
      replace(message, failureNotice(e) || '');
    }
  }

  function renderReasons(list) {
    const counts = {};
    for (const q of list) {
      const code = reasonCode(q);
      if (code) counts[code] = (counts[code] || 0) + 1;
    }
    replace(reasons, Object.entries(counts).map(([code, n]) => h('button', {type: 'button', class: 'chip', 'aria-pressed': String(reason.value === code), onclick: () => {
      reason.value = reason.value === code ? '' : code;
      apply();
    }}, code, h('span', {class: 'count'}, n))));
  }

  function renderTable(list, total) {
    if (!list.length) {
      replace(box, h('p', {class: 'muted', id: 'quarantine-empty'}, '隔离区中没有符合条件的记录。'));
      return;
    }
    const headers = ['时间（北京时间）', '数据源', '原因', '原始内容', '操作'];
    replace(box,
      total !== undefined && total !== null ? h('p', {class: 'small muted'}, `共 ${total} 条，显示 ${list.length} 条`) : null,
      h('div', {class: 'table-wrap cards-wrap'}, h('table', {class: 'cards', id: 'quarantine-table'},
        h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
        h('tbody', {}, list.map((q) => {
          const id = q.id || q.quarantine_id;
          const raw = q.raw ?? q.record ?? q.raw_content ?? q.after;
          const cells = [
            formatTime(q.time || q.quarantined_at || q.received_at || q.source_time) || '—',
            sourceName(cat, q.source),
            h('div', {}, h('strong', {}, reasonCode(q) || ''), h('div', {class: 'small'}, q.message || q.reason_message || '')),
            h('details', {}, h('summary', {}, q.entity ? `${q.entity} ${q.key || ''}` : '查看'), h('pre', {class: 'raw'}, typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2))),
            id ? h('button', {type: 'button', 'data-action': 'replay', onclick: () => replay(id)}, '重放') : '—',
          ];
          return h('tr', {'data-quarantine': id || ''}, cells.map((c, i) => h('td', {'data-label': headers[i]}, c)));
        })))));
  }

  async function replay(id) {
    try {
      const answer = await post(`/quarantine/${encodeURIComponent(id)}/replay`, {});
      const outcome = answer && (answer.outcome || answer.state);
      toast(outcome === 'accepted' ? '重放成功：记录已被接受' : outcome ? `重放结果：${outcome}` : '已提交重放');
      await load();
    } catch (e) {
      replace(message, failureNotice(e) || '');
    }
  }
}

function reasonCode(q) {
  const r = q.reason;
  if (r && typeof r === 'object') return r.code || '';
  return q.reason_code || r || '';
}
