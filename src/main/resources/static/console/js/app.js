// The console's shell: hash routes, the top bar (who is signed in, role and scope), admin-only pages
// hidden from other roles, and one place that turns a page's failure into a clear message.
import {whenUnauthorized} from './api.js';
import {failureNotice} from './errors.js';
import * as session from './session.js';
import {h, replace, notice} from './dom.js';
import {catalog, divisionName} from './catalog.js';
import * as login from './pages/login.js';
import * as search from './pages/search.js';
import * as person from './pages/person.js';
import * as sources from './pages/sources.js';
import * as mappings from './pages/mappings.js';
import * as quarantine from './pages/quarantine.js';

const ROUTES = [
  {pattern: /^\/login$/, page: login, name: 'login', open: true},
  {pattern: /^\/search$/, page: search, name: 'search'},
  {pattern: /^\/person\/([A-Za-z0-9_-]+)$/, page: person, name: 'search'},
  {pattern: /^\/sources$/, page: sources, name: 'sources', admin: true},
  {pattern: /^\/mappings(?:\/([a-z0-9_-]+))?$/, page: mappings, name: 'mappings', admin: true},
  {pattern: /^\/quarantine$/, page: quarantine, name: 'quarantine', admin: true},
];

const main = document.getElementById('main');
let cleanup = null;

whenUnauthorized(() => {
  const here = location.hash.replace(/^#/, '');
  if (!here.startsWith('/login')) location.hash = `#/login?next=${encodeURIComponent(here)}`;
});

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/search';
  const q = raw.indexOf('?');
  return {path: q < 0 ? raw : raw.slice(0, q), query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1))};
}

async function route() {
  if (cleanup) {
    try { cleanup(); } catch { /* a page's timers are gone either way */ }
    cleanup = null;
  }
  const {path, query} = parseHash();
  const match = ROUTES.map((r) => ({r, m: r.pattern.exec(path)})).find((x) => x.m);
  const s = session.current();
  if (!match) {
    location.hash = '#/search';
    return;
  }
  if (!match.r.open && !s) {
    location.hash = `#/login?next=${encodeURIComponent(path)}`;
    return;
  }
  await renderTopbar(s, match.r.name);
  document.title = `${titleOf(match.r.name)} · 济智治 数据中枢`;
  if (match.r.admin && !session.isAdmin()) {
    replace(main, h('h1', {}, titleOf(match.r.name)),
      notice('bad', '此页面仅对数据管理员开放。您当前的角色无权访问（403）。如需使用，请联系数据管理员开通权限。'));
    return;
  }
  replace(main, h('p', {class: 'muted'}, '正在加载…'));
  try {
    const result = await match.r.page.render(main, {params: match.m.slice(1), query});
    if (typeof result === 'function') cleanup = result;
  } catch (e) {
    showFailure(e);
  }
  main.focus({preventScroll: true});
}

function showFailure(e) {
  const n = failureNotice(e);
  if (n) main.appendChild(n);
}

function titleOf(name) {
  return {login: '登录', search: '查询', sources: '数据源', mappings: '映射', quarantine: '隔离区'}[name] || '控制台';
}

async function renderTopbar(s, active) {
  const bar = document.getElementById('topbar');
  if (!s) {
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  for (const a of bar.querySelectorAll('nav a')) {
    a.hidden = a.hasAttribute('data-admin') && s.role !== 'admin';
    a.classList.toggle('active', a.dataset.page === active);
  }
  let scope = '全市';
  if (s.scope) {
    let name = '';
    try {
      name = divisionName(await catalog(), s.scope);
    } catch {
      // the code alone is still right
    }
    scope = name ? `${name}（${s.scope}）` : s.scope;
  }
  replace(document.getElementById('who'),
    h('span', {id: 'who-user'}, s.username), ' · ',
    h('span', {id: 'who-role'}, session.roleName(s.role)), ' · ',
    h('span', {id: 'who-scope'}, `范围：${scope}`));
}

document.getElementById('logout').addEventListener('click', () => {
  // the next user of this tab starts afresh: no filters or results of the previous one
  sessionStorage.clear();
  location.hash = '#/login';
});
const toggle = document.getElementById('menu-toggle');
toggle.addEventListener('click', () => {
  const nav = document.getElementById('nav');
  nav.classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(nav.classList.contains('open')));
});
document.getElementById('nav').addEventListener('click', () => document.getElementById('nav').classList.remove('open'));

window.addEventListener('hashchange', route);
route();
