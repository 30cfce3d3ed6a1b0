// Downloads that need the bearer token (a certificate PDF, a ZIP, a winner list): fetched with it,
// read as a stream (so progress can be shown), and handed to the browser as a file.

import { h } from '/assets/js/dom.js';

/**
 * Fetches path and saves it as fileName; onBytes(received) is told as bytes arrive. Answers the
 * link that was clicked (kept in the page, hidden, so tests and users can find the file again).
 */
export async function saveDownload(api, path, fileName, { onBytes = () => {}, holder = document.body } = {}) {
  const response = await api.download(path);
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    received += value.length;
    onBytes(received);
  }
  const blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
  const link = h('a', { href: URL.createObjectURL(blob), download: fileName, class: 'saved-download', hidden: true,
    dataset: { bytes: String(received) } });
  holder.appendChild(link);
  link.click();
  return link;
}
