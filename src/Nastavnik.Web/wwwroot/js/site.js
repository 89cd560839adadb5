// Behaviour every page may use, by data attributes (the Content-Security-Policy allows no inline script or on… attributes):
//   (data-confirm, the question before a destructive action, is js/confirm.js);
//   data-autosubmit        on a select: send its form when the choice changes.
(function () {
    'use strict';
    document.addEventListener('change', function (e) {
        var el = e.target;
        if (el && el.matches && el.matches('select[data-autosubmit]') && el.form) {
            if (el.form.requestSubmit) el.form.requestSubmit(); else el.form.submit();
        }
    });
})();
