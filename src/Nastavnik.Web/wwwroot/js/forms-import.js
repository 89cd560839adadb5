// The Forms import's column mapping: the level / priority select matters only for answer columns.
document.querySelectorAll('select[data-role]').forEach(function (role) {
    role.addEventListener('change', function () {
        var level = role.parentElement.querySelector('select[data-level]');
        level.hidden = ['Offers', 'Needs', 'Grid'].indexOf(role.value) < 0;
    });
});
