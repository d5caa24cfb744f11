// The console's only script, and nothing depends on it: the pages work without it.
// A button marked data-once is disabled once its form is sent, so a double click sends one request
// (the server files one application whatever arrives: the form carries its request id).
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  if (button && button.hasAttribute('data-once')) {
    setTimeout(function () { button.disabled = true; }, 0);
  }
});
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) { window.print(); }
});
