// Destructive actions ask first (no inline script, so it works under the Content-Security-Policy).
// A submit button (or its form) with data-confirm="question" opens a <dialog> with the question, «Отмена» and a button named
// by data-confirm-button (default: the submit button's text). Only a confirmed submit goes to the server.
(() => {
    'use strict';
    let dialog;

    function build() {
        dialog = document.createElement('dialog');
        dialog.className = 'confirm-dialog';
        dialog.setAttribute('aria-labelledby', 'confirm-dialog-text');
        dialog.innerHTML = '<form method="dialog">' +
            '<p id="confirm-dialog-text" class="mb-3"></p>' +
            '<div class="d-flex flex-wrap justify-content-end gap-2">' +
            '<button class="btn btn-outline-secondary" value="cancel" data-testid="confirm-cancel">Отмена</button>' +
            '<button class="btn btn-danger" value="ok" data-testid="confirm-ok"></button>' +
            '</div></form>';
        document.body.appendChild(dialog);
    }

    document.addEventListener('submit', (event) => {
        const form = event.target;
        const submitter = event.submitter;
        const question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
        if (!question || form.dataset.confirmed === 'true') return;
        event.preventDefault();
        if (!dialog) build();
        dialog.querySelector('#confirm-dialog-text').textContent = question;
        const ok = dialog.querySelector('[value=ok]');
        ok.textContent = (submitter && (submitter.dataset.confirmButton || submitter.textContent.trim())) || form.dataset.confirmButton || 'Да';
        dialog.returnValue = '';
        dialog.onclose = () => {
            if (dialog.returnValue !== 'ok') return;
            form.dataset.confirmed = 'true';
            if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
        };
        dialog.showModal();
        dialog.querySelector('[value=cancel]').focus();
    });
})();
