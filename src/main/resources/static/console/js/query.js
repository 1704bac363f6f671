// The search page's state and the API bodies built from it (POST /residents/search, POST /exports).
// Pure functions: no DOM, no fetch.

/** The drill-down levels, coarse to fine, with the field each one filters. */
export const AREA_LEVELS = [
  {key: 'county_code', label: '区县'},
  {key: 'township_code', label: '街道'},
  {key: 'community_code', label: '社区'},
  {key: 'grid_code', label: '网格'},
  {key: 'compound_name', label: '小区'},
  {key: 'building_no', label: '楼栋'},
];

export const STATUSES = ['在册', '死亡', '迁出', '注销'];

/** A pseudo column: every tag the person has, across the tag fields. */
export const TAGS_COLUMN = '_tags';

export const DEFAULT_COLUMNS = ['full_name', 'sex', 'birth_date', 'id_number', 'phone', 'community_code', 'compound_name', 'building_no', 'room_no', TAGS_COLUMN];

export function emptyState() {
  return {
    area: Object.fromEntries(AREA_LEVELS.map((l) => [l.key, null])),
    tags: [],
    tagMode: 'all',
    ageMin: null,
    ageMax: null,
    text: '',
    status: ['在册'],
    page: 1,
    size: 50,
    sort: null,
  };
}

/** A state read from storage, with anything missing or malformed replaced by the default. */
export function normalizeState(raw) {
  const s = emptyState();
  if (!raw || typeof raw !== 'object') return s;
  for (const l of AREA_LEVELS) {
    const v = raw.area && raw.area[l.key];
    s.area[l.key] = typeof v === 'string' && v ? v : null;
  }
  s.tags = Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === 'string') : [];
  s.tagMode = raw.tagMode === 'any' ? 'any' : 'all';
  s.ageMin = Number.isInteger(raw.ageMin) ? raw.ageMin : null;
  s.ageMax = Number.isInteger(raw.ageMax) ? raw.ageMax : null;
  s.text = typeof raw.text === 'string' ? raw.text : '';
  s.status = Array.isArray(raw.status) && raw.status.length ? raw.status.filter((x) => STATUSES.includes(x)) : ['在册'];
  if (!s.status.length) s.status = ['在册'];
  s.page = Number.isInteger(raw.page) && raw.page > 0 ? raw.page : 1;
  s.size = [20, 50, 100].includes(raw.size) ? raw.size : 50;
  s.sort = raw.sort && typeof raw.sort.field === 'string' ? {field: raw.sort.field, order: raw.sort.order === 'desc' ? 'desc' : 'asc'} : null;
  return s;
}

/** Selecting a level clears the finer ones: they belong to the previous choice. */
export function selectArea(state, key, value) {
  const index = AREA_LEVELS.findIndex((l) => l.key === key);
  const area = {...state.area};
  area[key] = value || null;
  for (const l of AREA_LEVELS.slice(index + 1)) area[l.key] = null;
  return {...state, area, page: 1};
}

/** The query part shared by search and export (no paging, no facets). */
export function query(state) {
  const body = {};
  const filters = AREA_LEVELS.filter((l) => state.area[l.key]).map((l) => ({field: l.key, op: 'eq', value: state.area[l.key]}));
  if (filters.length) body.filters = filters;
  if (state.tags.length) body[state.tagMode === 'any' ? 'tags_any' : 'tags_all'] = [...state.tags];
  if (state.ageMin !== null || state.ageMax !== null) body.age = {min: state.ageMin, max: state.ageMax};
  if (state.text && state.text.trim()) body.text = state.text.trim();
  body.status = [...state.status];
  if (state.sort) body.sort = [{field: state.sort.field, order: state.sort.order}];
  return body;
}

/**
 * Facets to ask for: every level of the drill-down (the building only once a compound is chosen, as
 * building numbers repeat across compounds) and the tag counts.
 */
export function facets(state) {
  const keys = AREA_LEVELS.map((l) => l.key).filter((k) => k !== 'building_no' || state.area.compound_name);
  return [...keys, 'tag_all'];
}

export function searchBody(state) {
  return {...query(state), facets: facets(state), page: state.page, size: state.size};
}

/**
 * The body of POST /exports: the current query plus the format and either the chosen columns (only
 * the 55 data fields export) or a named template; masked unless an admin asks otherwise with a purpose.
 */
export function exportBody(state, {format, columns, template, masked = true, purpose}) {
  const body = {...query(state), format};
  if (template) body.template = template;
  else body.columns = columns;
  body.masked = masked;
  if (!masked && purpose) body.purpose = purpose;
  return body;
}
