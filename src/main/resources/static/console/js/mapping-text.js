// Reading mapping YAML just enough for the editor: the line of a problem path when the server gave
// none, a skeleton of sample rows from the columns a mapping reads, and flat before/after pairs.
// Pure functions: no DOM, no fetch.

/**
 * Problems as {path, line, message}: the server's line when it sent one, else the line of the
 * deepest key of {@code path} found in the text ($.entities.rk_jbxx.fields.sex → the `sex:` line).
 */
export function problemsOf(problems, yaml) {
  if (!Array.isArray(problems)) return [];
  return problems.map((p) => {
    if (typeof p === 'string') return {path: '', line: null, message: p};
    const line = Number.isInteger(p.line) && p.line > 0 ? p.line : lineOf(yaml, p.path);
    return {path: p.path || '', line, message: p.message || p.reason || ''};
  });
}

/** The 1-based line of a path such as {@code $.entities.rk_jbxx.fields.sex.transform[1]}, or null. */
export function lineOf(yaml, path) {
  if (!path || !yaml) return null;
  const keys = String(path).replace(/^\$\.?/, '').split(/\.|\[\d+\]/).filter(Boolean);
  const lines = yaml.split('\n');
  let line = -1; // the deepest line found so far
  let indent = -1; // its indentation
  for (const key of keys) {
    if (line >= 0 && inlineHas(lines[line], key)) continue; // `sex: {from: xb, transform: …}`
    let hit = -1;
    for (let i = line + 1; i < lines.length; i++) {
      const text = lines[i];
      if (!text.trim() || text.trim().startsWith('#')) continue;
      const ind = text.length - text.trimStart().length;
      if (ind <= indent) break; // left the parent's block
      if (blockKey(text) === key || inlineHas(text, key)) {
        hit = i;
        break;
      }
    }
    if (hit < 0) break;
    line = hit;
    indent = lines[hit].length - lines[hit].trimStart().length;
  }
  return line < 0 ? null : line + 1;
}

function blockKey(text) {
  const m = /^\s*(?:-\s+)?["']?([^"'{}:#\s][^"'{}:#]*?)["']?\s*:(\s|$)/.exec(text);
  return m ? m[1] : null;
}

function inlineHas(text, key) {
  return new RegExp(`[{,]\\s*["']?${escape(key)}["']?\\s*:`).test(text);
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One sample raw record per entity of the mapping, with every column it reads set to "" (the user
 * fills in values): {entity, op: "r", key, after: {column: ""}}.
 */
export function sampleRecords(yaml) {
  const lines = String(yaml || '').split('\n');
  const records = [];
  let inEntities = false;
  let entityIndent = null;
  let current = null;
  for (const raw of lines) {
    const text = raw.replace(/\s+#.*$/, '');
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const ind = text.length - text.trimStart().length;
    if (ind === 0) {
      inEntities = /^entities\s*:/.test(text);
      entityIndent = null;
      continue;
    }
    if (!inEntities) continue;
    const key = /^\s*([A-Za-z0-9_\-.]+)\s*:\s*$/.exec(text);
    if (key && (entityIndent === null || ind === entityIndent)) {
      entityIndent = ind;
      current = {entity: key[1], op: 'r', key: `sample-${records.length + 1}`, after: {}};
      records.push(current);
      continue;
    }
    if (!current) continue;
    for (const m of text.matchAll(/\b(?:from|id_number|column|until)\s*:\s*["']?([A-Za-z0-9_\u4e00-\u9fa5]+)["']?/g)) {
      current.after[m[1]] = '';
    }
  }
  return records.length ? records : [{entity: '', op: 'r', key: 'sample-1', after: {}}];
}

/** Nested values as sorted [dotted key, text] pairs, for a before/after table. */
export function flatten(value, prefix) {
  const out = [];
  walk(value, prefix || '', out);
  return out;
}

function walk(value, prefix, out) {
  if (value === null || value === undefined) {
    if (prefix) out.push([prefix, '']);
    return;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      out.push([prefix, value.join('、')]);
      return;
    }
    value.forEach((v, i) => walk(v, prefix ? `${prefix}[${i}]` : `[${i}]`, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.push([prefix, String(value)]);
}
