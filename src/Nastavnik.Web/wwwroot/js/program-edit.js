// The program form: a school-year button fills the dates (1 September – 31 August) and, for a new program, moves the targets' years.
document.querySelectorAll('[data-school-year]').forEach(b => b.addEventListener('click', () => {
    const y = +b.dataset.schoolYear, start = document.getElementById('Input_StartDate');
    // A new program's default targets follow its school year (2026 for 2025/2026, then the next years).
    const old = start.value ? (+start.value.slice(5, 7) >= 9 ? +start.value.slice(0, 4) : +start.value.slice(0, 4) - 1) : null;
    if (b.dataset.shiftTargets && old !== null && old !== y)
        document.querySelectorAll('input[name$=".Year"]').forEach(i => { if (i.value) i.value = +i.value + (y - old); });
    start.value = y + '-09-01';
    document.getElementById('Input_EndDate').value = (y + 1) + '-08-31';
}));
