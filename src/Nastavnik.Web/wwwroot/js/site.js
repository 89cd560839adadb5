// Behaviour every page may use, by data attributes (the Content-Security-Policy allows no inline script or on… attributes):
//   data-confirm="Вопрос?"  on a button or link: ask before acting (a form is not sent, a link not followed, on «Отмена»);
//                          on a form: ask before it is sent;
//   data-autosubmit        on a select: send its form when the choice changes.
(function () {
    'use strict';
    document.addEventListener('click', function (e) {
        var el = e.target.closest ? e.target.closest('a[data-confirm], button[data-confirm], input[data-confirm]') : null;
        if (el && !window.confirm(el.getAttribute('data-confirm'))) { e.preventDefault(); e.stopImmediatePropagation(); }
    }, true);
    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (form && form.matches && form.matches('form[data-confirm]') && !window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    }, true);
    document.addEventListener('change', function (e) {
        var el = e.target;
        if (el && el.matches && el.matches('select[data-autosubmit]') && el.form) {
            if (el.form.requestSubmit) el.form.requestSubmit(); else el.form.submit();
        }
    });
})();
