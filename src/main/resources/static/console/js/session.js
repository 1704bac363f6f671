// The signed-in user, kept in sessionStorage: it dies with the tab, and nothing is written to disk
// beyond what the browser keeps for the session.

const KEY = 'jzz.console.session';

const ROLE_NAMES = {
  admin: '数据管理员',
  analyst: '全市分析员',
  grid_worker: '网格员',
  system: '系统接口',
  department: '委办局',
};

/** Parses a role label such as {@code grid_worker@370811002001} into {role, scope}. */
export function parseRole(label) {
  const text = String(label || '');
  const at = text.indexOf('@');
  return at < 0 ? {role: text, scope: null} : {role: text.slice(0, at), scope: text.slice(at + 1)};
}

export function roleName(role) {
  return ROLE_NAMES[role] || role || '未知角色';
}

/** The session or null when nobody is signed in or the token expired. */
export function current() {
  let s;
  try {
    s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    s = null;
  }
  if (!s || !s.token) return null;
  if (s.expiresAt && Date.now() > s.expiresAt) {
    clear();
    return null;
  }
  return s;
}

/** Stores the answer of POST /api/v1/auth/token. */
export function start(username, answer) {
  const {role, scope} = parseRole(answer.role);
  const session = {
    username,
    token: answer.access_token,
    role,
    scope,
    roleLabel: answer.role || '',
    // a little early, so a request never goes out with a token about to expire
    expiresAt: answer.expires_in ? Date.now() + (answer.expires_in - 30) * 1000 : null,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clear() {
  sessionStorage.removeItem(KEY);
}

export function isAdmin() {
  const s = current();
  return Boolean(s && s.role === 'admin');
}
