// 人员详情 (GET /residents/{person_id}): the 55 fields by group A–H; each value shows its source and
// time on hover (provenance); conflicts highlighted with the losing values; tags with the reason
// they hold; quality findings. Shows exactly what the API returned: masked stays masked, and a field
// the role may not see is marked as such rather than guessed.
import {get} from '../api.js';
import {h, replace, notice} from '../dom.js';
import {catalog, myView, shows, formatValue, formatTime, sourceName} from '../catalog.js';

export async function render(main, {params}) {
  const personId = params[0];
  const [cat, me] = await Promise.all([catalog(), myView()]);
  const back = h('a', {href: '#/search', id: 'back-to-search'}, '← 返回查询结果');
  let record;
  try {
    record = await get(`/residents/${encodeURIComponent(personId)}`);
  } catch (e) {
    if (e.status === 404) {
      replace(main, back, h('h1', {}, '人员详情'), notice('warn', '未找到此人员，或此人员不在您的管辖范围内。'));
      return;
    }
    throw e;
  }
  const provenance = record.provenance || {};
  const conflicts = record.conflicts || {};
  const tagReasons = provenance.tags || {};
  const quality = Array.isArray(record.quality) ? record.quality : [];

  const head = h('div', {class: 'person-head'},
    h('h1', {id: 'person-name'}, record.full_name || '（未知姓名）'),
    h('span', {class: `badge ${record.status === '在册' ? 'ok' : 'bad'}`, id: 'person-status'}, record.status || ''),
    h('span', {class: 'muted small'}, `更新时间：${formatTime(record.updated_at) || '—'}（北京时间）`));
  const sources = h('p', {class: 'small', id: 'person-sources'}, '数据来源：',
    (record.sources || []).map((s) => h('span', {class: 'src'}, sourceName(cat, s))));

  const groups = cat.groups.map((group) => h('section', {class: 'panel', 'data-group': group.id},
    h('h2', {}, `${group.id}. ${group.label}`),
    h('dl', {class: 'fields'}, group.fields.flatMap((f) => fieldRow(f)))));

  const qualityBox = h('section', {class: 'panel', id: 'person-quality'}, h('h2', {}, '数据质量'),
    quality.length
      ? h('ul', {}, quality.map((q) => h('li', {}, typeof q === 'string' ? q : JSON.stringify(q))))
      : h('p', {class: 'muted'}, '未发现质量问题。'));
  const conflictCount = Object.keys(conflicts).length;
  const summary = conflictCount
    ? notice('warn', `有 ${conflictCount} 个字段存在来源冲突（已用黄色标出，悬停可查看各来源的值）。`)
    : null;

  replace(main, back, head, sources, summary, h('div', {class: 'groups'}, groups), qualityBox);

  function fieldRow(f) {
    const hasValue = Object.prototype.hasOwnProperty.call(record, f.key) && record[f.key] !== null && record[f.key] !== '';
    const hidden = !hasValue && !shows(me, f.key);
    const conflict = conflicts[f.key];
    const cls = conflict ? 'conflict' : null;
    const dt = h('dt', {class: cls, 'data-key': f.key, title: f.description || ''}, f.label);
    let dd;
    if (f.type === 'tags') {
      dd = h('dd', {class: cls, 'data-key': f.key}, hidden ? h('span', {class: 'muted'}, '（无权查看）') : tagsValue(f));
    } else if (!hasValue) {
      dd = h('dd', {class: cls, 'data-key': f.key}, h('span', {class: 'muted'}, hidden ? '（无权查看）' : '—'));
    } else {
      const p = provenance[f.key];
      const value = h('span', {class: 'value', title: provenanceText(p)}, formatValue(cat, f.key, record[f.key]));
      dd = h('dd', {class: cls, 'data-key': f.key}, value, p && p.source ? h('span', {class: 'src'}, p.source === 'derived' ? '推算' : p.source) : null,
        conflict ? h('div', {class: 'losers'}, '其他来源：', conflict.map((c, i) => [i ? '；' : '',
          h('span', {title: `记录：${c.record_key || ''}`}, `${formatValue(cat, f.key, c.value)}（${sourceName(cat, c.source)}）`)])) : null);
    }
    return [dt, dd];
  }

  function tagsValue(f) {
    const tags = Array.isArray(record[f.key]) ? record[f.key] : [];
    if (!tags.length) return h('span', {class: 'muted'}, '—');
    return [
      h('div', {class: 'chips'}, tags.map((t) => h('span', {class: 'chip static', 'data-tag': t, title: tagTitle(t)}, t))),
      h('ul', {class: 'tag-reasons'}, tags.map((t) => h('li', {'data-tag-reason': t}, `${t}：${tagReason(t)}`))),
    ];
  }

  function tagReason(tag) {
    const why = tagReasons[tag];
    const def = cat.tagByName[tag];
    const parts = [];
    if (why && why.source) parts.push(why.source === 'derived' ? '由同住人员信息推算' : `${sourceName(cat, why.source)}登记`);
    if (why && why.rule) parts.push(`规则：${why.rule}`);
    if (!parts.length && def) parts.push(def.explanation);
    return parts.join('，') || '来源未记录';
  }

  function tagTitle(tag) {
    const def = cat.tagByName[tag];
    return [def && def.explanation, def && def.rule_text, `依据：${tagReason(tag)}`].filter(Boolean).join('\n');
  }

  function provenanceText(p) {
    if (!p) return '来源未记录';
    return [
      `来源：${sourceName(cat, p.source)}`,
      p.record_key ? `记录：${p.record_key}` : null,
      p.source_time && p.source !== 'derived' ? `时间：${formatTime(p.source_time)}（北京时间）` : null,
      p.rule ? `规则：${p.rule}` : null,
    ].filter(Boolean).join('\n');
  }
}
