// A case's first reads, started as the page's HTML arrives, beside the app's first chunk rather than after it: on a slow
// phone link the case's stage (the page's largest text) paints one download sooner. A classic script of its own, as
// the CSP allows no inline script and a module would wait for the app's chunks; src/lib/early-read.ts hands the
// answer to the page (Api.get). Nothing is started without a kept session whose token has over 30 s left.
(function () {
  var match = /^\/app(\/cases\/[0-9a-f-]{36})$/.exec(window.location.pathname);
  if (!match || typeof fetch !== 'function') return;
  var session;
  try {
    session = JSON.parse(window.sessionStorage.getItem('raksha.session') || 'null');
  } catch (e) {
    return;
  }
  if (!session || !session.accessToken || !(session.expiresAt - Date.now() > 30000)) return;
  window.__rakshaEarlyReads = window.__rakshaEarlyReads || {};
  // the case, and what the page draws with it first (its timeline, its escalations), each as CasePage.tsx asks
  [match[1], match[1] + '/timeline', match[1] + '/escalations'].forEach(function (path) {
    var answer = fetch(path, { headers: { accept: 'application/json, application/problem+json', authorization: 'Bearer ' + session.accessToken } })
      .then(function (res) {
        return res.text().then(function (text) {
          return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
        });
      })
      .catch(function () {
        return undefined;
      });
    window.__rakshaEarlyReads[path] = { at: Date.now(), answer: answer };
  });
})();
