// 登录: username and password → POST /api/v1/auth/token; the token stays in sessionStorage.
import {post, ApiError} from '../api.js';
import * as session from '../session.js';
import {h, replace, notice} from '../dom.js';

export async function render(main, {query}) {
  const next = query.get('next');
  const user = h('input', {type: 'text', id: 'login-username', name: 'username', autocomplete: 'username', required: true, autofocus: true});
  const pass = h('input', {type: 'password', id: 'login-password', name: 'password', autocomplete: 'current-password', required: true});
  const message = h('div', {id: 'login-message'});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'login-submit'}, '登录');
  const form = h('form', {class: 'panel', id: 'login-form'},
    h('label', {class: 'field'}, h('span', {}, '用户名'), user),
    h('label', {class: 'field'}, h('span', {}, '密码'), pass),
    message,
    h('div', {class: 'row end'}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      const answer = await post('/auth/token', {username: user.value.trim(), password: pass.value});
      session.start(user.value.trim(), answer);
      location.hash = next && next.startsWith('/') && !next.startsWith('/login') ? `#${next}` : '#/search';
    } catch (e) {
      const text = e instanceof ApiError && e.status === 401 ? '用户名或密码错误。'
        : e instanceof ApiError && e.status === 429 ? '登录尝试过于频繁，请稍后再试。'
          : e.message;
      replace(message, notice('bad', text));
      pass.value = '';
      pass.focus();
    } finally {
      submit.disabled = false;
    }
  });
  const expired = next ? notice('warn', '请先登录（登录已失效或尚未登录）。') : null;
  replace(main, h('div', {class: 'login'},
    h('h1', {}, '济智治 人口数据中枢'),
    h('p', {class: 'muted', style: null}, '社区工作者与数据管理员控制台'),
    expired, form));
  user.focus();
}
