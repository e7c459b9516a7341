// Sets the theme before the first paint, so a dark-theme user never sees a
// white flash. A file rather than an inline script: the server's CSP allows
// only scripts from its own origin.
(function () {
  try {
    var t = localStorage.getItem('channelboard.theme');
    if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    document.documentElement.dataset.theme = t;
  } catch (e) {}
})();
