'use strict';
// Review pages: anything with data-at-ms (evidence, transcript times, chart points, timeline spans)
// jumps the drill's player to that moment and plays from there; the timeline's playhead follows.
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

  document.addEventListener('DOMContentLoaded', function () {
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
