/**
 * Saves text as a file: a Blob behind an object URL on a temporary <a download>, revoked once the
 * click has been handled. No window.open and no navigation.
 */
export function downloadText(fileName: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser reads the URL after the click handler returns: revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
