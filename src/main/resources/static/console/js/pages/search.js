// 查询: drill-down 区县 → 街道 → 社区 → 网格 → 小区 → 楼栋 with counts, tag chips (every key group and
// the age filters), age, text and status; a results table with chosen columns and paging; one-click
// export with progress and download; named saved filters.
import {post, get, download, ApiError} from '../api.js';
import * as session from '../session.js';
import {h, replace, toast, notice} from '../dom.js';
import {failureNotice} from '../errors.js';
import {catalog, myView, shows, tagShown, formatValue} from '../catalog.js';
import {AREA_LEVELS, STATUSES, TAGS_COLUMN, DEFAULT_COLUMNS, emptyState, normalizeState, selectArea, searchBody, exportBody} from '../query.js';

const STATE_KEY = 'jzz.console.search';
const COLUMNS_KEY = 'jzz.console.columns';

function loadState() {
  try {
    return normalizeState(JSON.parse(sessionStorage.getItem(STATE_KEY) || 'null'));
  } catch {
    return emptyState();
  }
}

function saveState(state) {
  sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
}

function savedKey() {
  const s = session.current();
  return `jzz.console.saved.${s ? s.username : ''}`;
}

function loadSaved() {
  try {
    const list = JSON.parse(localStorage.getItem(savedKey()) || '[]');
    return Array.isArray(list) ? list.filter((x) => x && typeof x.name === 'string') : [];
  } catch {
    return [];
  }
}

export async function render(main) {
  const [cat, me] = await Promise.all([catalog(), myView()]);
  let state = loadState();
  let last = null; // the last search answer
  let columns = loadColumns(cat, me);
  let pollTimer = null;
  let seq = 0; // answers to older searches are dropped

  // ---------------------------------------------------------------- filter panel
  const areaSelects = {};
  const areaBox = h('div', {id: 'area-filters'});
  for (const level of AREA_LEVELS) {
    const select = h('select', {id: `area-${level.key}`, 'data-level': level.key, 'aria-label': level.label});
    select.addEventListener('change', () => {
      state = selectArea(state, level.key, select.value);
      run();
    });
    areaSelects[level.key] = select;
    areaBox.appendChild(h('label', {class: 'field'}, h('span', {}, level.label), select));
  }

  const text = h('input', {type: 'search', id: 'filter-text', placeholder: '姓名或地址中的文字', value: state.text});
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') apply();
  });
  const ageMin = h('input', {type: 'number', id: 'age-min', min: 0, max: 150, placeholder: '最小', value: state.ageMin ?? ''});
  const ageMax = h('input', {type: 'number', id: 'age-max', min: 0, max: 150, placeholder: '最大', value: state.ageMax ?? ''});
  const statusBoxes = STATUSES.map((st) => h('input', {type: 'checkbox', value: st, checked: state.status.includes(st), 'data-status': st}));
  for (const box of statusBoxes) box.addEventListener('change', apply);
  const tagMode = h('select', {id: 'tag-mode', 'aria-label': '标签匹配方式'},
    h('option', {value: 'all'}, '同时满足所选标签'), h('option', {value: 'any'}, '满足任一所选标签'));
  tagMode.value = state.tagMode;
  tagMode.addEventListener('change', () => {
    state = {...state, tagMode: tagMode.value, page: 1};
    run();
  });
  const tagBox = h('div', {id: 'tag-filters'});

  const savedName = h('input', {type: 'text', id: 'saved-name', placeholder: '为当前筛选命名'});
  const savedList = h('ul', {class: 'saved-list', id: 'saved-list'});

  const filtersBody = h('div', {class: 'filters-body'},
    h('label', {class: 'field'}, h('span', {}, '文字搜索'), text),
    h('h3', {}, '区划与网格'), areaBox,
    h('h3', {}, '重点人群标签'), tagMode, h('div', {class: 'small muted'}, '点击标签筛选，数字为当前条件下的人数'), tagBox,
    h('h3', {}, '年龄（周岁）'),
    h('div', {class: 'age-row'}, ageMin, '至', ageMax),
    h('h3', {}, '人员状态'),
    h('div', {class: 'row', id: 'status-filters'}, statusBoxes.map((b) => h('label', {}, b, b.value))),
    h('div', {class: 'row', style: null},
      h('button', {type: 'button', class: 'primary', id: 'apply-filters', onclick: apply}, '查询'),
      h('button', {type: 'button', id: 'reset-filters', onclick: reset}, '重置')),
    h('h3', {}, '保存的筛选'),
    h('div', {class: 'row'}, savedName, h('button', {type: 'button', id: 'save-filter', onclick: saveCurrent}, '保存')),
    savedList);
  const filters = h('aside', {class: 'filters panel', id: 'filters'},
    h('button', {type: 'button', class: 'filters-toggle', id: 'filters-toggle', onclick: () => filters.classList.toggle('collapsed')}, '筛选条件 ▾'),
    filtersBody);
  if (window.matchMedia('(max-width: 900px)').matches) filters.classList.add('collapsed');

  // ---------------------------------------------------------------- results
  const total = h('span', {class: 'total', id: 'result-total'}, '');
  const columnMenu = h('div', {class: 'menu'});
  const columnPicker = h('details', {class: 'dropdown', id: 'column-picker'}, h('summary', {}, '显示列'), columnMenu);
  const exportArea = exportControls();
  const tableBox = h('div', {class: 'table-wrap cards-wrap', id: 'results'});
  const pager = h('div', {class: 'pager', id: 'pager'});
  const message = h('div', {id: 'search-message'});
  const results = h('section', {class: 'results'},
    h('div', {class: 'results-bar'}, total, h('span', {class: 'spacer'}), columnPicker, exportArea.element),
    exportArea.status, message, tableBox, pager);

  replace(main, h('h1', {}, '人员查询'), h('div', {class: 'search-layout'}, filters, results));
  renderColumnMenu();
  renderSaved();
  await run();
  return () => clearTimeout(pollTimer);

  // ---------------------------------------------------------------- behaviour
  function apply() {
    const min = ageMin.value === '' ? null : Number.parseInt(ageMin.value, 10);
    const max = ageMax.value === '' ? null : Number.parseInt(ageMax.value, 10);
    const status = statusBoxes.filter((b) => b.checked).map((b) => b.value);
    state = {...state, text: text.value, ageMin: Number.isNaN(min) ? null : min, ageMax: Number.isNaN(max) ? null : max,
      status: status.length ? status : ['在册'], page: 1};
    run();
  }

  function reset() {
    state = emptyState();
    text.value = '';
    ageMin.value = '';
    ageMax.value = '';
    tagMode.value = 'all';
    for (const b of statusBoxes) b.checked = b.value === '在册';
    run();
  }

  async function run() {
    saveState(state);
    const mine = ++seq;
    replace(message);
    tableBox.setAttribute('aria-busy', 'true');
    try {
      const answer = await post('/residents/search', searchBody(state));
      if (mine !== seq) return;
      last = answer;
      renderArea(answer.facets || {});
      renderTags(answer.facets || {});
      renderTable(answer);
    } catch (e) {
      if (mine !== seq) return;
      const n = failureNotice(e);
      if (n) message.appendChild(n);
    } finally {
      if (mine === seq) tableBox.removeAttribute('aria-busy');
    }
  }

  function renderArea(facets) {
    for (const level of AREA_LEVELS) {
      const select = areaSelects[level.key];
      const buckets = facets[level.key] || [];
      const chosen = state.area[level.key];
      const options = [h('option', {value: ''}, '全部')];
      let seen = false;
      for (const b of buckets) {
        const value = String(b.value);
        seen = seen || value === chosen;
        options.push(h('option', {value}, `${b.label || value}（${b.count}）`));
      }
      if (chosen && !seen) options.push(h('option', {value: chosen}, `${chosen}（0）`));
      replace(select, options);
      select.value = chosen || '';
      select.disabled = level.key === 'building_no' && !state.area.compound_name;
      select.title = select.disabled ? '请先选择小区' : '';
    }
  }

  function renderTags(facets) {
    const counts = {};
    for (const b of facets.tag_all || []) counts[b.value] = b.count;
    const groups = [];
    for (const {field, tags} of cat.tagFields) {
      const shown = tags.filter((t) => tagShown(me, t.name));
      if (shown.length) groups.push({label: field.label, tags: shown});
    }
    if (cat.ageFilters.length) groups.push({label: '年龄段', tags: cat.ageFilters});
    replace(tagBox, groups.map((g) => h('div', {class: 'chip-group'},
      h('div', {class: 'group-label'}, g.label),
      h('div', {class: 'chips'}, g.tags.map((t) => {
        const on = state.tags.includes(t.name);
        const count = counts[t.name];
        return h('button', {
          type: 'button', class: 'chip', 'aria-pressed': String(on), 'data-tag': t.name,
          title: [t.explanation, t.rule_text].filter(Boolean).join('\n'),
          onclick: () => toggleTag(t.name),
        }, t.name, count !== undefined && t.rule !== 'age_filter' ? h('span', {class: 'count'}, count) : null);
      })))));
  }

  function toggleTag(name) {
    const tags = state.tags.includes(name) ? state.tags.filter((t) => t !== name) : [...state.tags, name];
    state = {...state, tags, page: 1};
    run();
  }

  function renderTable(answer) {
    const totalCount = Number(answer.total || 0);
    replace(total, `共 ${totalCount.toLocaleString('zh-CN')} 人`);
    const items = answer.items || [];
    if (!items.length) {
      replace(tableBox, h('p', {class: 'muted', style: null, id: 'no-results'}, '没有符合条件的人员。'));
      replace(pager);
      return;
    }
    const head = h('tr', {}, columns.map((key) => {
      const sortable = key !== TAGS_COLUMN;
      const sorted = state.sort && state.sort.field === key ? (state.sort.order === 'asc' ? ' ▲' : ' ▼') : '';
      return h('th', {class: sortable ? 'sortable' : null, 'data-key': key, onclick: sortable ? () => sortBy(key) : null}, columnLabel(key) + sorted);
    }));
    const rows = items.map((item) => h('tr', {'data-person': item.person_id}, columns.map((key) => {
      const value = cellValue(item, key);
      const content = key === 'full_name' && item.person_id
        ? h('a', {href: `#/person/${encodeURIComponent(item.person_id)}`, class: 'person-link'}, value || '（未知姓名）')
        : value;
      return h('td', {'data-label': columnLabel(key), class: value === '' ? 'empty' : null}, content);
    })));
    replace(tableBox, h('table', {class: 'cards', id: 'results-table'}, h('thead', {}, head), h('tbody', {}, rows)));
    const pages = Math.max(1, Math.ceil(Math.min(totalCount, 10000) / state.size));
    const size = h('select', {id: 'page-size', 'aria-label': '每页条数'}, [20, 50, 100].map((n) => h('option', {value: n}, `每页 ${n} 条`)));
    size.value = String(state.size);
    size.addEventListener('change', () => {
      state = {...state, size: Number(size.value), page: 1};
      run();
    });
    replace(pager,
      size,
      h('button', {type: 'button', id: 'page-prev', disabled: state.page <= 1, onclick: () => goPage(state.page - 1)}, '上一页'),
      h('span', {id: 'page-info'}, `第 ${state.page} / ${pages} 页`),
      h('button', {type: 'button', id: 'page-next', disabled: state.page >= pages, onclick: () => goPage(state.page + 1)}, '下一页'),
      totalCount > 10000 ? h('span', {class: 'small muted'}, '仅可翻阅前 10000 条，完整结果请导出') : null);
  }

  function goPage(page) {
    state = {...state, page};
    run();
  }

  function sortBy(key) {
    const order = state.sort && state.sort.field === key && state.sort.order === 'asc' ? 'desc' : 'asc';
    state = {...state, sort: {field: key, order}, page: 1};
    run();
  }

  function columnLabel(key) {
    if (key === TAGS_COLUMN) return '标签';
    return cat.byKey[key] ? cat.byKey[key].label : key;
  }

  function cellValue(item, key) {
    if (key === TAGS_COLUMN) {
      const tags = new Set(item.tag_all || []);
      for (const {field} of cat.tagFields) for (const t of item[field.key] || []) tags.add(t);
      return [...tags].join('、');
    }
    return formatValue(cat, key, item[key]);
  }

  // ---------------------------------------------------------------- columns
  function renderColumnMenu() {
    const choices = [...cat.fields, ...cat.systemFields.filter((f) => ['status', 'updated_at'].includes(f.key))]
      .filter((f) => f.type !== 'object' && shows(me, f.key));
    const boxes = [{key: TAGS_COLUMN, label: '标签（全部）'}, ...choices].map((f) => h('label', {},
      h('input', {type: 'checkbox', value: f.key, checked: columns.includes(f.key), 'data-column': f.key,
        onchange: (e) => toggleColumn(f.key, e.target.checked)}),
      ` ${f.label}`));
    replace(columnMenu,
      h('div', {class: 'row'}, h('strong', {}, '选择要显示的列'), h('span', {class: 'spacer'}),
        h('button', {type: 'button', onclick: () => setColumns(DEFAULT_COLUMNS.filter((k) => k === TAGS_COLUMN || (cat.byKey[k] && shows(me, k))))}, '恢复默认')),
      h('div', {class: 'cols'}, boxes));
  }

  function toggleColumn(key, on) {
    const next = on ? [...columns, key] : columns.filter((k) => k !== key);
    // keep the schema's order, so the table reads like the record
    const order = [TAGS_COLUMN, ...cat.fields.map((f) => f.key), 'status', 'updated_at'];
    setColumns(order.filter((k) => next.includes(k)).sort((a, b) => (a === TAGS_COLUMN) - (b === TAGS_COLUMN)));
  }

  function setColumns(next) {
    columns = next.length ? next : [...DEFAULT_COLUMNS];
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(columns));
    renderColumnMenu();
    if (last) renderTable(last);
  }

  // ---------------------------------------------------------------- saved filters
  function renderSaved() {
    const saved = loadSaved();
    if (!saved.length) {
      replace(savedList, h('li', {class: 'muted small'}, '尚无保存的筛选'));
      return;
    }
    replace(savedList, saved.map((entry) => h('li', {'data-saved': entry.name},
      h('span', {class: 'name', title: entry.name}, entry.name),
      h('button', {type: 'button', class: 'apply-saved', onclick: () => useSaved(entry)}, '应用'),
      h('button', {type: 'button', class: 'delete-saved', onclick: () => deleteSaved(entry.name)}, '删除'))));
  }

  function saveCurrent() {
    const name = savedName.value.trim();
    if (!name) {
      toast('请先为筛选命名');
      savedName.focus();
      return;
    }
    const saved = loadSaved().filter((x) => x.name !== name);
    saved.unshift({name, state: {...state, page: 1}});
    localStorage.setItem(savedKey(), JSON.stringify(saved.slice(0, 50)));
    savedName.value = '';
    renderSaved();
    toast(`已保存筛选“${name}”`);
  }

  function useSaved(entry) {
    state = normalizeState(entry.state);
    text.value = state.text;
    ageMin.value = state.ageMin ?? '';
    ageMax.value = state.ageMax ?? '';
    tagMode.value = state.tagMode;
    for (const b of statusBoxes) b.checked = state.status.includes(b.value);
    run();
  }

  function deleteSaved(name) {
    localStorage.setItem(savedKey(), JSON.stringify(loadSaved().filter((x) => x.name !== name)));
    renderSaved();
  }

  // ---------------------------------------------------------------- export
  function exportControls() {
    const format = h('select', {id: 'export-format', 'aria-label': '导出格式'}, h('option', {value: 'xlsx'}, 'Excel（XLSX）'), h('option', {value: 'csv'}, 'CSV'));
    const template = h('select', {id: 'export-template', 'aria-label': '导出列'},
      h('option', {value: ':columns'}, '当前显示的列'), h('option', {value: ':all'}, '全部可见字段'));
    // Named templates, where the hub lists them (not in every version of the API).
    get('/exports/templates').then((list) => {
      const names = Array.isArray(list) ? list : (list && (list.templates || list.items)) || [];
      for (const t of names) {
        const name = typeof t === 'string' ? t : t.name;
        if (name) template.appendChild(h('option', {value: `template:${name}`}, `模板：${(t && t.label) || name}`));
      }
    }).catch(() => {});
    const unmask = me.may_unmask ? h('input', {type: 'checkbox', id: 'export-unmasked'}) : null;
    const purpose = me.may_unmask ? h('input', {type: 'text', id: 'export-purpose', placeholder: '不脱敏导出的用途（必填）', hidden: true}) : null;
    if (unmask) unmask.addEventListener('change', () => { purpose.hidden = !unmask.checked; });
    const button = h('button', {type: 'button', class: 'primary', id: 'export-start'}, '一键导出');
    const status = h('div', {id: 'export-status'});
    button.addEventListener('click', () => startExport({format, template, unmask, purpose, button, status}));
    const element = h('div', {class: 'export-box'}, format, template,
      unmask ? h('label', {class: 'small'}, unmask, ' 不脱敏') : null, purpose, button);
    return {element, status};
  }

  async function startExport({format, template, unmask, purpose, button, status}) {
    clearTimeout(pollTimer);
    const masked = !(unmask && unmask.checked);
    if (!masked && !purpose.value.trim()) {
      replace(status, notice('warn', '不脱敏导出需要填写用途。'));
      purpose.focus();
      return;
    }
    const choice = template.value;
    const exportable = new Set(cat.fields.map((f) => f.key));
    const all = cat.fields.filter((f) => shows(me, f.key)).map((f) => f.key);
    const options = {format: format.value, masked, purpose: masked ? undefined : purpose.value.trim()};
    if (choice.startsWith('template:')) options.template = choice.slice('template:'.length);
    else options.columns = choice === ':all' ? all : columns.filter((k) => exportable.has(k));
    if (!options.template && !options.columns.length) options.columns = all;
    button.disabled = true;
    const bar = h('div');
    const label = h('span', {id: 'export-progress-text'}, '正在提交导出…');
    replace(status, h('div', {class: 'panel row', id: 'export-panel'}, h('div', {class: 'progress'}, bar), label));
    try {
      const answer = await post('/exports', exportBody(state, options));
      const id = answer.export_id || answer.id;
      poll(id, format.value, bar, label, status, button);
    } catch (e) {
      button.disabled = false;
      replace(status, failureNotice(e) || '');
    }
  }

  function poll(id, format, bar, label, status, button) {
    const tick = async () => {
      try {
        const job = await get(`/exports/${encodeURIComponent(id)}`);
        const written = Number(job.rows_written || 0);
        const totalRows = job.rows_total === null || job.rows_total === undefined ? null : Number(job.rows_total);
        const pct = job.state === 'done' ? 100 : totalRows ? Math.min(100, Math.round((written / totalRows) * 100)) : 0;
        bar.style.width = `${pct}%`;
        if (job.state === 'done') {
          button.disabled = false;
          const name = `居民信息导出.${format}`;
          const fetchButton = h('button', {type: 'button', class: 'primary', id: 'export-download'}, '下载文件');
          fetchButton.addEventListener('click', async () => {
            try {
              const saved = await download(`/exports/${encodeURIComponent(id)}/file`, name);
              toast(`已下载 ${saved}`);
            } catch (e) {
              status.appendChild(failureNotice(e) || '');
            }
          });
          replace(label, h('span', {id: 'export-done', 'data-export-id': id}, `导出完成，共 ${written.toLocaleString('zh-CN')} 行 `), fetchButton);
          return;
        }
        if (job.state === 'failed') {
          button.disabled = false;
          replace(status, notice('bad', `导出失败：${job.error || '原因未知'}`));
          return;
        }
        replace(label, `${job.state === 'queued' ? '排队中' : '正在导出'}… ${written.toLocaleString('zh-CN')}${totalRows !== null ? ` / ${totalRows.toLocaleString('zh-CN')}` : ''} 行`);
        pollTimer = setTimeout(tick, 800);
      } catch (e) {
        button.disabled = false;
        if (!(e instanceof ApiError && e.status === 401)) replace(status, failureNotice(e) || '');
      }
    };
    tick();
  }
}

function loadColumns(cat, me) {
  let cols = null;
  try {
    cols = JSON.parse(localStorage.getItem(COLUMNS_KEY) || 'null');
  } catch {
    cols = null;
  }
  const known = (k) => k === TAGS_COLUMN || (cat.byKey[k] && shows(me, k));
  const list = Array.isArray(cols) ? cols.filter(known) : [];
  return list.length ? list : DEFAULT_COLUMNS.filter(known);
}
