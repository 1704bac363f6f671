// 映射 (GET /mappings, /mappings/{source}): a source's mapping YAML in an editor with line numbers;
// validation problems shown at their lines (POST …/validate); a preview on sample rows (POST
// …/preview) as a before/after table; activation (PUT) and replay (POST …/replay) after confirmation.
import {get, post, put, api} from '../api.js';
import {h, replace, toast, notice, confirmAction} from '../dom.js';
import {failureNotice} from '../errors.js';
import {catalog, sourceName, formatTime} from '../catalog.js';
import {problemsOf, sampleRecords, flatten} from '../mapping-text.js';

// The mapping travels as YAML text (hub-api.md: "body: mapping YAML").
const YAML = 'application/yaml;charset=UTF-8';

export async function render(main, {params}) {
  const cat = await catalog();
  const source = params[0];
  if (!source) return renderList(main, cat);
  return renderEditor(main, cat, source);
}

async function renderList(main, cat) {
  const answer = await get('/mappings');
  const list = Array.isArray(answer) ? answer : (answer && (answer.mappings || answer.items)) || [];
  const headers = ['数据源', '版本', '说明', '更新时间', ''];
  replace(main, h('h1', {}, '映射'),
    h('p', {class: 'muted'}, '每个数据源的字段映射规则（YAML）。点击“编辑”查看、校验、预览并启用新版本。'),
    list.length
      ? h('div', {class: 'table-wrap cards-wrap'}, h('table', {class: 'cards', id: 'mappings-table'},
        h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
        h('tbody', {}, list.map((m) => {
          const id = typeof m === 'string' ? m : m.source || m.id;
          const cells = [sourceName(cat, id), m.version ?? '—', m.description || '', formatTime(m.activated_at || m.updated_at) || '—',
            h('a', {href: `#/mappings/${encodeURIComponent(id)}`, class: 'button', 'data-source': id}, '编辑')];
          return h('tr', {'data-source': id}, cells.map((c, i) => h('td', {'data-label': headers[i]}, c)));
        }))))
      : h('p', {class: 'muted'}, '没有映射文件。'));
}

async function renderEditor(main, cat, source) {
  const current = await get(`/mappings/${encodeURIComponent(source)}`);
  const text = current.yaml ?? current.mapping ?? current.content ?? current.text ?? '';
  const gutter = h('pre', {class: 'gutter', id: 'mapping-gutter', 'aria-hidden': 'true'});
  const editor = h('textarea', {id: 'mapping-editor', spellcheck: 'false', autocapitalize: 'off', 'aria-label': '映射 YAML', wrap: 'off'});
  editor.value = text;
  let errorLines = new Map();
  const problemsBox = h('div', {id: 'mapping-problems'});
  const message = h('div', {id: 'mapping-message'});
  const samples = h('textarea', {class: 'samples', id: 'preview-samples', spellcheck: 'false', 'aria-label': '样例数据（JSON）'});
  const previewBox = h('div', {id: 'preview-result'});
  let activeVersion = Number.isInteger(current.version) ? current.version : null;
  const version = h('span', {class: 'badge', id: 'mapping-version'}, `当前版本 v${activeVersion ?? '?'}`);

  editor.addEventListener('input', () => {
    errorLines = new Map();
    renderGutter();
  });
  editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') { // two spaces, as YAML wants; never a tab character
      e.preventDefault();
      editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
      editor.dispatchEvent(new Event('input'));
    }
  });

  const buttons = h('div', {class: 'row'},
    h('button', {type: 'button', id: 'mapping-validate', onclick: validate}, '校验'),
    h('button', {type: 'button', id: 'mapping-preview', onclick: preview}, '预览'),
    h('button', {type: 'button', class: 'primary', id: 'mapping-activate', onclick: activate}, '启用此版本'),
    h('button', {type: 'button', class: 'danger', id: 'mapping-replay', onclick: replay}, '按当前映射重放'),
    h('span', {class: 'spacer'}),
    h('button', {type: 'button', id: 'mapping-revert', onclick: () => { editor.value = text; errorLines = new Map(); renderGutter(); replace(problemsBox); }}, '撤销修改'));

  replace(main,
    h('a', {href: '#/mappings'}, '← 全部映射'),
    h('div', {class: 'row'}, h('h1', {}, `映射：${sourceName(cat, source)}`), version),
    message, buttons,
    h('div', {class: 'editor'}, gutter, editor),
    problemsBox,
    h('h2', {}, '预览'),
    h('p', {class: 'small muted'}, '样例数据为原始记录的 JSON 数组（每条含 entity 与 after 列值）。点击“预览”用编辑器中的映射处理它们，对比处理前后。'),
    samples, previewBox);
  renderGutter();
  samples.value = JSON.stringify(await initialSamples(source, text), null, 2);

  function renderGutter() {
    const count = editor.value.split('\n').length;
    const spans = [];
    for (let i = 1; i <= count; i++) {
      const problem = errorLines.get(i);
      spans.push(h('span', {class: problem ? 'err' : null, 'data-line': i, title: problem || null}, i));
    }
    replace(gutter, spans);
    gutter.scrollTop = editor.scrollTop;
  }

  function showProblems(problems, heading) {
    errorLines = new Map();
    for (const p of problems) {
      if (p.line) errorLines.set(p.line, (errorLines.has(p.line) ? `${errorLines.get(p.line)}\n` : '') + p.message);
    }
    renderGutter();
    if (!problems.length) {
      replace(problemsBox);
      return;
    }
    replace(problemsBox, notice('bad', heading || `发现 ${problems.length} 个问题：`),
      h('ul', {class: 'problems', id: 'problem-list'}, problems.map((p) => h('li', {'data-line': p.line || '', onclick: () => p.line && goToLine(p.line)},
        h('span', {class: 'line'}, p.line ? `第 ${p.line} 行` : '（无行号）'),
        p.path ? h('code', {}, p.path) : null, ' ', p.message))));
    const first = problems.find((p) => p.line);
    if (first) goToLine(first.line, false);
  }

  function goToLine(line, focus = true) {
    const lines = editor.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[line - 1] || '').length;
    const lineHeight = 20;
    editor.scrollTop = Math.max(0, (line - 5) * lineHeight);
    gutter.scrollTop = editor.scrollTop;
    if (focus) {
      editor.focus();
      editor.setSelectionRange(start, end);
    }
  }

  async function validate() {
    replace(message);
    try {
      const answer = await post(`/mappings/${encodeURIComponent(source)}/validate`, editor.value, {contentType: YAML});
      const problems = problemsOf(answer.problems, editor.value);
      if (answer.valid && !problems.length) {
        showProblems([]);
        replace(message, notice('ok', h('span', {id: 'validate-ok'}, '校验通过：映射没有问题。')));
        return true;
      }
      showProblems(problems);
      return false;
    } catch (e) {
      return showFailure(e);
    }
  }

  async function preview() {
    replace(message);
    let records;
    try {
      records = JSON.parse(samples.value);
      if (!Array.isArray(records)) records = [records];
    } catch (e) {
      replace(previewBox, notice('bad', `样例数据不是有效的 JSON：${e.message}`));
      return;
    }
    try {
      const answer = await post(`/mappings/${encodeURIComponent(source)}/preview`, {mapping: editor.value, records});
      renderPreview(records, answer);
    } catch (e) {
      showFailure(e);
    }
  }

  function renderPreview(records, answer) {
    const results = Array.isArray(answer) ? answer : (answer && (answer.records || answer.results || answer.outputs)) || [];
    const overall = problemsOf(answer && answer.problems, editor.value);
    if (overall.length) showProblems(overall);
    const rows = records.map((record, i) => {
      const result = results[i] || {};
      const before = flatten(record.after || record.row || record, '');
      const afterSource = result.output ?? result.outputs ?? result.contributions ?? result.normalized ?? result.normalised ?? result.fields ?? result.after ?? result;
      const after = flatten(afterSource, '');
      const problems = [...(result.problems || []), ...(result.quarantine ? [result.quarantine] : [])];
      return h('section', {class: 'panel preview-record', 'data-index': i},
        h('h3', {}, `样例 ${i + 1}${record.entity ? `（${record.entity}）` : ''}`, result.outcome ? h('span', {class: `badge ${result.outcome === 'accepted' ? 'ok' : 'bad'}`}, outcomeName(result.outcome)) : null),
        h('div', {class: 'preview-grid'},
          kvTable('处理前（原始记录）', before, null),
          kvTable('处理后（统一字段）', after, cat)),
        problems.length ? h('ul', {class: 'problems'}, problems.map((p) => h('li', {}, typeof p === 'string' ? p : [p.path ? h('code', {}, p.path) : null, ' ', p.message || p.reason || JSON.stringify(p)]))) : null);
    });
    replace(previewBox, h('div', {id: 'preview-records'}, rows));
    previewBox.scrollIntoView({block: 'start'});
  }

  async function activate() {
    if (!(await validate())) {
      replace(message, notice('bad', '映射有问题，未启用。请先按提示修正。'));
      return;
    }
    // A new version needs a higher number than the active one: offer the next number in the text.
    const next = nextVersion(editor.value, activeVersion);
    const bump = next !== null ? `\n版本号将改为 v${next}（须大于当前启用的 v${activeVersion}）。` : '';
    if (!(await confirmAction(`确定要启用“${sourceName(cat, source)}”的新映射吗？此后到达的记录将按新映射处理。${bump}`))) return;
    if (next !== null) {
      editor.value = editor.value.replace(/^version:[ \t]*\d+/m, `version: ${next}`);
      renderGutter();
    }
    try {
      const answer = await put(`/mappings/${encodeURIComponent(source)}`, editor.value, {contentType: YAML});
      const v = answer && (answer.version ?? answer.active_version);
      if (v !== undefined) {
        activeVersion = v;
        replace(version, `当前版本 v${v}`);
      }
      replace(message, notice('ok', h('span', {id: 'activate-ok'}, `已启用新映射${v !== undefined ? `（版本 v${v}）` : ''}。如需用它重新处理已保留的原始记录，请点击“按当前映射重放”。`)));
      toast('映射已启用');
    } catch (e) {
      showFailure(e);
    }
  }

  async function replay() {
    if (!(await confirmAction(`确定要按当前启用的映射重新处理“${sourceName(cat, source)}”保留的全部原始记录吗？`))) return;
    try {
      const answer = await api('POST', `/mappings/${encodeURIComponent(source)}/replay`, {});
      const n = answer && (answer.records ?? answer.replayed ?? answer.count);
      replace(message, notice('ok', h('span', {id: 'replay-ok'}, `已开始重放${n !== undefined ? `（${n} 条记录）` : ''}。`)));
    } catch (e) {
      showFailure(e);
    }
  }

  function showFailure(e) {
    // A refused activation lists its problems: show them at their lines too.
    const problems = problemsOf(e.details, editor.value);
    if (problems.length) showProblems(problems);
    replace(message, failureNotice(e) || '');
    return false;
  }
}

/** The version number the text must carry to be activated, or null when it already is higher. */
function nextVersion(yaml, active) {
  const m = /^version:[ \t]*(\d+)/m.exec(yaml);
  if (!m || active === null) return null;
  return Number(m[1]) <= active ? active + 1 : null;
}

/** Sample rows: quarantined records of this source when there are any, else a skeleton of the mapping. */
async function initialSamples(source, yaml) {
  try {
    const answer = await get(`/quarantine?source=${encodeURIComponent(source)}`);
    const list = Array.isArray(answer) ? answer : (answer && (answer.records || answer.items)) || [];
    const raws = list.slice(0, 3).map((q) => q.raw || q.record || q.raw_content).filter((r) => r && typeof r === 'object');
    if (raws.length) return raws;
  } catch {
    // no quarantine to learn from: the skeleton will do
  }
  return sampleRecords(yaml);
}

function outcomeName(outcome) {
  return {accepted: '接受', quarantined: '隔离', filtered: '过滤', deleted: '删除'}[outcome] || outcome;
}

function kvTable(title, pairs, cat) {
  return h('div', {}, h('h3', {}, title), h('div', {class: 'table-wrap'}, h('table', {},
    h('tbody', {}, pairs.length ? pairs.map(([k, v]) => {
      const last = k.split('.').pop();
      const label = cat && cat.byKey[last] ? `${cat.byKey[last].label}（${k}）` : k;
      return h('tr', {}, h('th', {}, label), h('td', {class: 'mono'}, v));
    }) : h('tr', {}, h('td', {class: 'muted'}, '（无输出）'))))));
}
