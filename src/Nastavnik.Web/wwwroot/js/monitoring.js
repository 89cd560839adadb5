// The monitoring dashboard and its print view (issue 13): charts by Chart.js from the JSON in #monitoring-data's data-chart, and the mentoring
// network by cytoscape.js from the JSON of #network-graph's data-url, with a filter by direction and a teacher's neighbourhood.
// The same figures are in tables on the page, for screen readers and without scripts.
(function () {
    'use strict';
    var dataEl = document.getElementById('monitoring-data');
    if (!dataEl || !window.Chart) return;
    var data = JSON.parse(dataEl.getAttribute('data-chart'));
    var print = document.body.classList.contains('print-view');
    var blue = '#0b5cad', orange = '#d97706', green = '#15803d', grey = '#64748b';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    // On paper the canvases keep the size the A4 sheet gives them (their width and height attributes), drawn at twice the resolution.
    if (print) { Chart.defaults.animation = false; Chart.defaults.responsive = false; Chart.defaults.devicePixelRatio = 2; }

    function chart(id, config) {
        var canvas = document.getElementById(id);
        if (canvas) new Chart(canvas, config);
    }
    var intTicks = { precision: 0 };
    // Long names of directions and indicators are shortened on a narrow screen (the tables below the charts have them whole); on paper
    // they are wrapped into lines instead, whole: Chart.js gives the names at most half the chart's width and clips what is wider.
    function lines(label, width) {
        var out = [], line = '';
        label.split(' ').forEach(function (word) {
            if (line && (line + ' ' + word).length > width) { out.push(line); line = word; } else line = line ? line + ' ' + word : word;
        });
        if (line) out.push(line);
        return out;
    }
    var categoryTicks = {
        autoSkip: !print,
        callback: function (value) {
            var label = String(this.getLabelForValue(value));
            if (print) return lines(label, 30);
            return label.length > 24 && this.chart.width < 700 ? label.slice(0, 22) + '…' : label;
        }
    };
    var tall = print ? {} : { maintainAspectRatio: false };

    chart('chart-meetings', {
        data: {
            labels: data.months,
            datasets: [
                { type: 'bar', label: 'Встреч проведено', data: data.meetings, backgroundColor: blue, yAxisID: 'y' },
                { type: 'line', label: 'Часы наставничества', data: data.hours, borderColor: orange, backgroundColor: orange, yAxisID: 'y1', tension: 0.2 }
            ]
        },
        options: {
            scales: {
                y: { beginAtZero: true, ticks: intTicks, title: { display: true, text: 'встречи' } },
                y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'часы' } }
            }
        }
    });
    chart('chart-pairs', {
        type: 'bar',
        data: {
            labels: data.months,
            datasets: [
                { label: 'Начали работу', data: data.started, backgroundColor: green },
                { label: 'Завершили', data: data.ended, backgroundColor: grey }
            ]
        },
        options: { scales: { y: { beginAtZero: true, ticks: intTicks } } }
    });
    chart('chart-satisfaction', {
        type: 'line',
        data: { labels: data.months, datasets: [{ label: 'Удовлетворены, %', data: data.satisfaction, borderColor: green, backgroundColor: green, spanGaps: false }] },
        options: { scales: { y: { min: 0, max: 100 } } }
    });
    chart('chart-balance', {
        type: 'bar',
        data: {
            labels: data.directions,
            datasets: [
                { label: 'Предложения наставников', data: data.offers, backgroundColor: blue },
                { label: 'Запросы наставляемых', data: data.needs, backgroundColor: orange }
            ]
        },
        options: Object.assign({ indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: intTicks }, y: { ticks: categoryTicks } } }, tall)
    });
    if (data.comparison) {
        chart('chart-comparison', {
            type: 'bar',
            data: {
                labels: data.comparison.labels,
                datasets: [
                    { label: data.comparison.lastName, data: data.comparison.lastYear, backgroundColor: grey },
                    { label: data.comparison.thisName, data: data.comparison.thisYear, backgroundColor: blue }
                ]
            },
            options: Object.assign({ indexAxis: 'y', scales: { x: { beginAtZero: true }, y: { ticks: categoryTicks } } }, tall)
        });
    }
})();

(function () {
    'use strict';
    var box = document.getElementById('network-graph');
    if (!box || !window.cytoscape || !window.fetch) return;
    var status = document.getElementById('network-status');
    var tools = document.getElementById('network-tools');
    var directionSelect = document.getElementById('network-direction');
    var personInput = document.getElementById('network-person');
    var people = document.getElementById('network-people');
    var cy = null, byName = {};

    function say(text) { if (status) status.textContent = text; }

    function layout(eles) {
        var n = eles.nodes().length;
        var options = n <= 250
            ? { name: 'cose', animate: false, randomize: true, nodeRepulsion: function () { return 6000; }, idealEdgeLength: function () { return 60; } }
            : { name: 'concentric', animate: false, minNodeSpacing: 4, concentric: function (node) { return node.outdegree(); }, levelWidth: function () { return 2; } };
        eles.layout(options).run();
        cy.fit(eles, 20);
    }

    function apply() {
        var dir = directionSelect ? directionSelect.value : '';
        var name = personInput ? personInput.value.trim() : '';
        var edges = dir ? cy.edges().filter(function (e) { return String(e.data('dir')) === dir; }) : cy.edges();
        var shown = edges.union(edges.connectedNodes());
        var person = name && byName[name.toLowerCase()];
        if (person) {
            // The teacher, their mentors and mentees, and theirs in turn: two steps along the shown pairs.
            var hood = person;
            for (var step = 0; step < 2; step++) {
                hood = hood.union(hood.connectedEdges().intersection(edges)).union(hood.connectedEdges().intersection(edges).connectedNodes());
            }
            shown = hood.union(person);
        }
        cy.batch(function () {
            cy.elements().addClass('off');
            shown.removeClass('off');
            cy.nodes().removeClass('chosen');
            if (person) person.addClass('chosen');
        });
        layout(shown);
        say('Показано: педагогов — ' + shown.nodes().length + ', пар — ' + shown.edges().length + (name && !person ? '. Педагог «' + name + '» в сети не найден.' : '.'));
    }

    say('Сеть загружается…');
    fetch(box.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .then(function (net) {
            var colors = {};
            net.directions.forEach(function (d) { colors[d.id] = d.color; });
            var elements = [];
            net.nodes.forEach(function (p) {
                elements.push({ data: { id: 'p' + p.id, label: p.name, both: p.mentor && p.mentee ? 1 : 0, mentor: p.mentor ? 1 : 0 } });
            });
            net.edges.forEach(function (e) {
                elements.push({ data: { id: 'e' + e.pair, source: 'p' + e.mentor, target: 'p' + e.mentee, dir: e.direction, color: colors[e.direction] || '#777', live: e.live ? 1 : 0 } });
            });
            var big = net.nodes.length > 150;
            cy = window.cytoscape({
                container: box,
                elements: elements,
                wheelSensitivity: 0.3,
                style: [
                    { selector: 'node', style: { 'width': 12, 'height': 12, 'background-color': '#94a3b8', 'label': big ? '' : 'data(label)', 'font-size': 8, 'text-valign': 'bottom', 'text-margin-y': 2, 'color': '#1f2937' } },
                    { selector: 'node[mentor = 1]', style: { 'background-color': '#334155', 'width': 16, 'height': 16 } },
                    { selector: 'node[both = 1]', style: { 'shape': 'diamond', 'background-color': '#fbbf24', 'border-width': 3, 'border-color': '#111827', 'width': 20, 'height': 20 } },
                    { selector: 'node.chosen', style: { 'label': 'data(label)', 'border-width': 4, 'border-color': '#dc2626', 'font-weight': 'bold' } },
                    { selector: 'edge', style: { 'width': 2, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': big ? 'straight' : 'bezier', 'arrow-scale': 0.8 } },
                    { selector: 'edge[live = 0]', style: { 'line-style': 'dashed' } },
                    { selector: '.off', style: { 'display': 'none' } }
                ]
            });
            cy.on('tap', 'node', function (evt) { if (personInput) { personInput.value = evt.target.data('label'); apply(); } });
            var frag = document.createDocumentFragment();
            net.nodes.forEach(function (p) {
                byName[p.name.toLowerCase()] = cy.getElementById('p' + p.id);
                var o = document.createElement('option');
                o.value = p.name;
                frag.appendChild(o);
            });
            if (people) people.appendChild(frag);
            if (tools) tools.hidden = false;
            apply();
        })
        .catch(function () { say('Не удалось загрузить сеть: обновите страницу. Список пар — в таблице ниже.'); });

    if (directionSelect) directionSelect.addEventListener('change', function () { if (cy) apply(); });
    if (personInput) personInput.addEventListener('change', function () { if (cy) apply(); });
    var reset = document.getElementById('network-reset');
    if (reset) reset.addEventListener('click', function () {
        if (!cy) return;
        if (directionSelect) directionSelect.value = '';
        if (personInput) personInput.value = '';
        apply();
    });
})();
