'use strict';
(() => {
  const kReceiptsShown = 5;
  const kRetryFirst = 500;
  const kRetryMost = 5000;

  // The console's key map (drivers/sim/keyboard_map.hpp); digits map to themselves.
  const kKeyboard = new Map([
    ['.', '00'], [',', '00'],
    ['Enter', 'CHARGE'],
    ['Escape', 'CANCEL'], ['x', 'CANCEL'], ['X', 'CANCEL'],
    ['Backspace', 'BACKSPACE'],
    ['Delete', 'CLEAR'], ['c', 'CLEAR'], ['C', 'CLEAR'],
    ['m', 'MENU'], ['M', 'MENU'],
    ['F1', 'F1'], ['F2', 'F2'], ['F3', 'F3'], ['F4', 'F4'],
  ]);

  const screen = document.getElementById('screen');
  const frameText = document.getElementById('frame-text');
  const status = document.getElementById('status');
  const receipts = document.getElementById('receipts');
  let socket = null;
  let retry = kRetryFirst;
  let frames = 0;

  function setStatus(text, online) {
    status.textContent = text;
    status.classList.toggle('online', online);
  }

  function showPicture(data) {
    const previous = screen.src;
    screen.onload = () => {
      if (previous.startsWith('blob:')) URL.revokeObjectURL(previous);
    };
    screen.src = URL.createObjectURL(new Blob([data], {type: 'image/png'}));
    frames += 1;
    screen.dataset.frames = String(frames);
  }

  function showFrameText(frame) {
    frameText.dataset.screen = frame.screen;
    frameText.textContent = frame.lines.join('\n');
    screen.alt = 'The terminal\'s screen: ' + frame.lines.join(' / ');
  }

  function showReceipt(receipt) {
    const paper = document.createElement('article');
    paper.className = 'paper';
    const name = document.createElement('h3');
    name.textContent = String(receipt.name);
    const text = document.createElement('pre');
    text.textContent = String(receipt.text);
    paper.append(name, text);
    const empty = receipts.querySelector('.empty');
    if (empty) empty.remove();
    receipts.prepend(paper);
    while (receipts.children.length > kReceiptsShown) receipts.lastElementChild.remove();
  }

  function onText(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch (error) {
      return;
    }
    if (message && typeof message.screen === 'string' && Array.isArray(message.lines)) {
      showFrameText(message);
    } else if (message && message.receipt && typeof message.receipt === 'object') {
      showReceipt(message.receipt);
    }
  }

  function connect() {
    socket = new WebSocket('ws://' + location.host + '/ws' + location.search);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      retry = kRetryFirst;
      setStatus('connected', true);
    };
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') onText(event.data);
      else showPicture(event.data);
    };
    socket.onclose = () => {
      setStatus('not connected to the terminal; retrying…', false);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, kRetryMost);
    };
  }

  function press(name) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({key: name}));
    for (const button of document.querySelectorAll('#keypad button')) {
      if (button.dataset.key !== name) continue;
      button.classList.add('pressed');
      setTimeout(() => button.classList.remove('pressed'), 120);
    }
  }

  document.getElementById('keypad').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-key]');
    if (button) press(button.dataset.key);
  });

  document.addEventListener('keydown', (event) => {
    // Held keys repeat; the terminal's keypad does not.
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const name = /^[0-9]$/.test(event.key) ? event.key : kKeyboard.get(event.key);
    if (!name) return;
    // Also keeps Enter from clicking the focused button and F1 from opening help.
    event.preventDefault();
    press(name);
  });

  connect();
})();
