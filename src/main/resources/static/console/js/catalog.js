// What the console knows about the record: GET /api/v1/schema (fields, groups, tags) and
// GET /console/config (code-table names, Jining's division names, the source registry), loaded once.
// Also how values are shown: codes by name, booleans as 是/否, times in UTC+8.
import {get} from './api.js';
import * as session from './session.js';

let loading = null;

/** Resolves to {fields, systemFields, byKey, groups, tags, tagFields, ageFilters, config}. */
export function catalog() {
  if (!loading) {
    loading = Promise.all([get('/schema'), fetch('/console/config', {cache: 'no-store'}).then((r) => {
      if (!r.ok) throw new Error(`/console/config answered ${r.status}`);
      return r.json();
    })]).then(([schema, config]) => build(schema, config)).catch((e) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

function build(schema, config) {
  const fields = schema.fields || [];
  const systemFields = schema.system_fields || [];
  const byKey = {};
  for (const f of [...fields, ...systemFields]) byKey[f.key] = f;
  const groups = [];
  for (const f of fields) {
    let g = groups.find((x) => x.id === f.group);
    if (!g) groups.push(g = {id: f.group, label: f.group_label, fields: []});
    g.fields.push(f);
  }
  const tags = schema.tags || [];
  const tagFields = fields.filter((f) => f.type === 'tags').map((f) => ({
    field: f, tags: tags.filter((t) => t.field === f.key),
  }));
  const ageFilters = tags.filter((t) => t.rule === 'age_filter');
  const tagByName = {};
  for (const t of tags) tagByName[t.name] = t;
  const sources = {};
  for (const s of config.sources || []) sources[s.id] = s;
  return {fields, systemFields, byKey, groups, tags, tagByName, tagFields, ageFilters, config, sources};
}

let view = null;
let viewToken = null;

/**
 * How the access policy lets the signed-in caller see the record (GET /api/v1/me): per field, tag and
 * source one of clear, masked, counted, hidden. Loaded once per sign-in; the API enforces it anyway.
 */
export function myView() {
  const s = session.current();
  const token = s ? s.token : null;
  if (!view || viewToken !== token) {
    viewToken = token;
    view = get('/me').catch((e) => {
      view = null;
      throw e;
    });
  }
  return view;
}

/** Whether the caller sees the field per person (clear or masked). */
export function shows(me, key) {
  const t = me.fields[key];
  return t === 'clear' || t === 'masked';
}

/** Whether the caller sees a tag per person (and so may pick people by it). */
export function tagShown(me, name) {
  return me.tags[name] === 'clear';
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** An instant as Beijing time, "2026-11-20 16:00:00"; '' for nothing, the text itself if unparsable. */
export function formatTime(value) {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(date.getTime()) || date.getTime() <= 0) return String(value);
  const p = {};
  for (const part of TIME.formatToParts(date)) p[part.type] = part.value;
  const hour = p.hour === '24' ? '00' : p.hour;
  return `${p.year}-${p.month}-${p.day} ${hour}:${p.minute}:${p.second}`;
}

/** The name of a division code (Jining's counties, townships, communities and grids). */
export function divisionName(cat, code) {
  if (!code) return '';
  const names = cat.config.divisions || {};
  const text = String(code);
  if (names[text]) return names[text];
  if (text.length === 15 && names[text.slice(0, 12)]) {
    return `${names[text.slice(0, 12)]}第${Number(text.slice(12))}网格`;
  }
  return '';
}

/** A source id with its department's name: "公安局（gaj）". */
export function sourceName(cat, id) {
  if (!id) return '';
  if (id === 'derived') return '系统推算';
  const s = cat.sources[id];
  return s ? `${s.name}（${id}）` : id;
}

/** A field's value as text for people: code names, 是/否, tag lists, Beijing times. */
export function formatValue(cat, key, value) {
  if (value === null || value === undefined || value === '') return '';
  const f = cat.byKey[key];
  if (Array.isArray(value)) return value.map((v) => formatValue(cat, key, v)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  if (!f) return String(value);
  if (f.type === 'boolean') return value === true || value === 'true' ? '是' : '否';
  if (f.type === 'timestamp') return formatTime(value);
  if (f.type === 'code') {
    const text = String(value);
    if (text.includes('*')) return text; // masked: shown as the API sent it
    const name = f.code_table === 'division'
      ? divisionName(cat, text) || (cat.config.code_tables.division || {})[text]
      : (cat.config.code_tables[f.code_table] || {})[text];
    return name ? `${name}` : text;
  }
  if (f.key === 'township_code' || f.key === 'community_code' || f.key === 'grid_code') {
    const name = divisionName(cat, value);
    return name || String(value);
  }
  return String(value);
}
