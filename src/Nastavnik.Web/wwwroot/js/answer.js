// The self-assessment sheet.
// A refused save (400/409) carries its explanation: show it in the card instead of dropping it.
document.body.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.xhr.status === 400 || e.detail.xhr.status === 409) { e.detail.shouldSwap = true; e.detail.isError = false; }
});
// Typed text is saved a second after the last key (the card's hx-trigger listens for «text-input»: htmx trigger filters
// would need eval, which the Content-Security-Policy forbids). What is still waiting is saved before the sheet is sent,
// and leaving the page with unsaved text asks first: nothing typed is dropped.
(function () {
    const pending = new Set();
    let edits = 0;
    const card = el => el && el.classList && el.classList.contains('topic-card') ? el : null;
    document.querySelectorAll('form.topic-card').forEach(f => f.addEventListener('input', e => {
        f.dataset.edit = String(++edits);
        pending.add(f);
        if (e.target && e.target.type === 'text') htmx.trigger(f, 'text-input');
    }));
    document.body.addEventListener('htmx:beforeRequest', e => { const f = card(e.detail.elt); if (f) f.dataset.sent = f.dataset.edit || ''; });
    document.body.addEventListener('htmx:afterRequest', e => {
        const f = card(e.detail.elt);
        if (f && e.detail.successful && f.dataset.sent === (f.dataset.edit || '')) pending.delete(f);
    });
    const submit = document.querySelector('form.submit-bar');
    if (submit) submit.addEventListener('submit', async e => {
        if (pending.size === 0) return;
        e.preventDefault();
        await Promise.all([...pending].map(f => htmx.ajax('POST', f.getAttribute('hx-post'), { source: f, target: f.querySelector('.save-state'), swap: 'outerHTML' })));
        if (pending.size === 0) submit.submit();
    });
    window.addEventListener('beforeunload', e => { if (pending.size > 0) { e.preventDefault(); e.returnValue = ''; } });
})();
