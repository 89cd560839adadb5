// Staff import page (Features/Staff/Import.cshtml).
// The upload form refuses a file over the limit before sending it, with the server's own words.
// The commit form works once: the «Загрузить» button is disabled at the first click, and while the server writes the rows
// the page asks it every second how far it is and shows «Загружаем… N из M».
(function () {
    'use strict';

    document.querySelectorAll('form[data-import-upload]').forEach(function (form) {
        var input = form.querySelector('input[type=file]');
        var error = form.querySelector('[data-testid=file-error]');
        function tooLarge() {
            var file = input.files && input.files[0];
            return file && file.size > Number(form.dataset.maxBytes);
        }
        function show() {
            var refuse = tooLarge();
            error.hidden = !refuse;
            error.textContent = refuse ? form.dataset.tooLarge : '';
            return refuse;
        }
        input.addEventListener('change', show);
        form.addEventListener('submit', function (event) {
            if (show()) event.preventDefault();
        });
    });

    document.querySelectorAll('form[data-import-commit]').forEach(function (form) {
        var button = form.querySelector('button[type=submit]:not([form])');
        var status = form.querySelector('[data-import-status]');
        form.addEventListener('submit', function (event) {
            if (form.dataset.busy) { event.preventDefault(); return; }
            form.dataset.busy = 'true';
            // Disabled after the browser has taken the form's values, so the submission itself is not affected.
            setTimeout(function () { button.disabled = true; }, 0);
            status.hidden = false;
            status.textContent = 'Загружаем…';
            function poll() {
                fetch(form.dataset.progressUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
                    .then(function (r) { return r.ok ? r.json() : null; })
                    .then(function (p) {
                        if (p && p.running && p.total > 0) status.textContent = 'Загружаем… ' + p.done + ' из ' + p.total;
                    })
                    .catch(function () { /* the next poll tries again */ })
                    .finally(function () { setTimeout(poll, 1000); });
            }
            setTimeout(poll, 500);
        });
    });
})();
