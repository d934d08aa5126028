/*
 * Autocase chat widget. Embed on any page:
 *   <script src="https://support.example.com/widget.js" async
 *           data-label="Chat with us" data-color="#4f46e5" data-position="right"></script>
 * Adds a floating button that opens the chat (served by the agent UI at /chat) in an iframe.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__autocaseWidgetLoaded) return;
  window.__autocaseWidgetLoaded = true;

  var origin = new URL(script.src, window.location.href).origin;
  var label = script.getAttribute('data-label') || 'Chat with us';
  var color = script.getAttribute('data-color') || '#4f46e5';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var frameId = 'autocase-chat-frame';

  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', frameId);
  button.setAttribute('data-autocase-widget', 'button');
  button.style.cssText = [
    'position:fixed', side + ':20px', 'bottom:20px', 'z-index:2147483646', 'width:56px', 'height:56px', 'border:0', 'border-radius:50%',
    'background:' + color, 'color:#fff', 'cursor:pointer', 'box-shadow:0 8px 24px rgba(15,23,42,.25)', 'display:flex', 'align-items:center', 'justify-content:center',
  ].join(';');
  var chatIcon = '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>';
  var closeIcon = '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';
  button.innerHTML = chatIcon;

  var frame = document.createElement('iframe');
  frame.id = frameId;
  frame.title = label;
  frame.src = origin + '/chat?embed=1';
  frame.setAttribute('data-autocase-widget', 'frame');
  frame.style.cssText = [
    'position:fixed', side + ':20px', 'bottom:88px', 'z-index:2147483647', 'width:min(380px, calc(100vw - 40px))', 'height:min(600px, calc(100vh - 120px))',
    'border:0', 'border-radius:16px', 'box-shadow:0 16px 48px rgba(15,23,42,.3)', 'background:#fff', 'display:none',
  ].join(';');

  function setOpen(open) {
    frame.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    button.setAttribute('aria-label', open ? 'Close chat' : label);
    button.innerHTML = open ? closeIcon : chatIcon;
    if (open) frame.focus();
  }

  button.addEventListener('click', function () {
    setOpen(frame.style.display === 'none');
  });
  // The chat page asks to close when the customer presses Escape inside it.
  window.addEventListener('message', function (event) {
    if (event.origin === origin && event.source === frame.contentWindow && event.data && event.data.type === 'autocase:close') {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && frame.style.display !== 'none') {
      setOpen(false);
      button.focus();
    }
  });

  function mount() {
    document.body.appendChild(frame);
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
