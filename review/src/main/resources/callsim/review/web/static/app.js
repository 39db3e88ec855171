'use strict';
// Review pages: anything with data-at-ms (evidence, transcript times, chart points, timeline spans)
// jumps the drill's player to that moment and plays from there; the timeline's playhead follows.
// Times are shown in the viewer's time zone; tables with th[data-sort] sort by a click on a heading.
(function () {
  function seek(player, seconds) {
    var go = function () {
      player.currentTime = seconds;
      var playing = player.play();
      if (playing && playing.catch) playing.catch(function () { /* no audio device or autoplay refused */ });
    };
    if (player.readyState >= 1) {
      go();
    } else {
      player.addEventListener('loadedmetadata', go, { once: true });
      player.load();
    }
  }

  function followPlayhead(player, head) {
    var left = Number(head.getAttribute('data-left'));
    var width = Number(head.getAttribute('data-width'));
    var duration = Number(head.getAttribute('data-duration-ms')) / 1000;
    player.addEventListener('timeupdate', function () {
      var x = left + Math.min(1, player.currentTime / duration) * width;
      head.setAttribute('x1', x.toFixed(1));
      head.setAttribute('x2', x.toFixed(1));
    });
  }

  function localTimes() {
    var format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    document.querySelectorAll('time.local[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d)) {
        t.setAttribute('title', t.textContent);
        t.textContent = format.format(d);
      }
    });
  }

  function sortable(table) {
    table.querySelectorAll('th[data-sort]').forEach(function (th, column) {
      var ascending = true;
      th.addEventListener('click', function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return r.cells.length > column; });
        var numeric = th.getAttribute('data-sort') === 'number';
        var key = function (row) {
          var cell = row.cells[column];
          var v = cell.getAttribute('data-value') || cell.textContent.trim();
          return numeric ? (parseFloat(v) || -1) : v.toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        ascending = !ascending;
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes();
    document.querySelectorAll('table.sortable').forEach(sortable);
    var player = document.getElementById('player');
    if (!player) return;
    document.addEventListener('click', function (event) {
      var target = event.target.closest ? event.target.closest('[data-at-ms]') : null;
      if (!target) return;
      event.preventDefault();
      var previous = document.querySelector('.playing-from');
      if (previous) previous.classList.remove('playing-from');
      target.classList.add('playing-from');
      seek(player, Number(target.getAttribute('data-at-ms')) / 1000);
    });
    var head = document.getElementById('playhead');
    if (head) followPlayhead(player, head);
  });
})();
