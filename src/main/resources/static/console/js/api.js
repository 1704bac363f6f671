// Calls to the hub's API (/api/v1, see hub-api.md) with the session's bearer token. A 401 ends the
// session and sends the user to the login page; every other error becomes an ApiError whose message is
// Chinese first, followed by what the server said.
import * as session from './session.js';

export const BASE = '/api/v1';

const STATUS_TEXT = {
  400: '请求有误',
  401: '登录已失效，请重新登录',
  403: '您的账号无权执行此操作',
  404: '未找到',
  409: '与当前状态冲突',
  413: '请求内容过大',
  415: '请求格式不被接受',
  429: '请求过于频繁，请稍后再试',
};

export class ApiError extends Error {
  constructor(status, code, serverMessage, details) {
    const head = STATUS_TEXT[status] || (status >= 500 ? '服务暂时不可用，请稍后再试' : `请求失败（${status}）`);
    super(serverMessage ? `${head}：${serverMessage}` : head);
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.details = details || [];
  }
}

/** Where to go after a 401; the router sets it. */
let onUnauthorized = () => {};
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

async function send(method, path, body, {contentType, accept} = {}) {
  const headers = {Accept: accept || 'application/json'};
  const s = session.current();
  if (s) headers.Authorization = `Bearer ${s.token}`;
  let payload;
  if (body !== undefined) {
    if (contentType && typeof body === 'string') {
      headers['Content-Type'] = contentType;
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(BASE + path, {method, headers, body: payload, cache: 'no-store'});
  } catch (e) {
    throw new ApiError(0, 'NETWORK', '无法连接到数据中枢，请检查网络后重试');
  }
  if (response.status === 401 && path !== '/auth/token') {
    session.clear();
    onUnauthorized();
  }
  if (!response.ok) {
    let error = {};
    try {
      error = (await response.json()).error || {};
    } catch {
      // not JSON (e.g. a proxy's page): the status says enough
    }
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  return response;
}

/** A JSON call; resolves to the parsed body (or null for an empty one). */
export async function api(method, path, body, options) {
  const response = await send(method, path, body, options);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path) => api('GET', path);
export const post = (path, body, options) => api('POST', path, body, options);
export const put = (path, body, options) => api('PUT', path, body, options);

/**
 * Downloads a file with the bearer token (a plain link could not carry it): fetch → blob → a
 * temporary object URL clicked as a download. Resolves to the file name used.
 */
export async function download(path, fallbackName) {
  const response = await send('GET', path, undefined, {accept: '*/*'});
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** The file name of a Content-Disposition header (RFC 6266, with the UTF-8 form first). */
export function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall back to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}
