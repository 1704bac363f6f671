// How a failed call is shown: the ApiError's Chinese message (it carries the server's reason too).
import {ApiError} from './api.js';
import {notice} from './dom.js';

/** A notice element for {@code e}, or null for a 401 (the login page takes over). */
export function failureNotice(e) {
  if (e instanceof ApiError && e.status === 401) return null;
  const text = e instanceof ApiError ? e.message : `页面出错：${e && e.message ? e.message : e}`;
  return notice('bad', text);
}
