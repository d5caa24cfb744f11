// The venue's visit page: while the call may still change (checked in, connected, interrupted) the
// page reads the visit again every 30 seconds. No form is shown in those states, so nothing typed is lost.
(function () {
  var live = document.querySelector('[data-live="true"]');
  if (live) { setTimeout(function () { window.location.reload(); }, 30000); }
})();
