/*
 * « Partager » on a product page: the phone's share sheet (Web Share API) where there is
 * one, else the product's link copied, else shown to copy by hand. Without JavaScript the
 * button stays hidden: the address bar shares as well.
 */
import { format, messages } from './messages.js';
import { announce } from './toast.js';

const button = document.querySelector('[data-share]');

async function share() {
  const data = { title: button.dataset.shareTitle, url: button.dataset.shareUrl };
  if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
    try {
      await navigator.share(data);
      return;
    }
    catch (error) {
      if (error.name === 'AbortError') {
        // The visitor closed the share sheet: nothing to say.
        return;
      }
    }
  }
  try {
    await navigator.clipboard.writeText(data.url);
    announce(messages.shareCopied);
  }
  catch (error) {
    announce(format(messages.shareByHand), { tone: 'warning', link: { href: data.url, text: data.url } });
  }
}

if (button) {
  button.hidden = false;
  button.addEventListener('click', share);
}
