/*
 * Product photo gallery. Without JavaScript the photos scroll sideways (CSS scroll
 * snapping) and the thumbnails are links to each photo. With it: previous and next
 * buttons, arrow keys (and Home, End) on the focused photo strip, a swipe with a finger or
 * the mouse, the thumbnail of the current photo marked, and "Photo 2 sur 4" announced.
 * Photos and thumbnails marked hidden (another variant's, see variant-choice.js) are left
 * out; the event "gallery:refresh" on the gallery counts them again.
 */
import { format, messages } from './messages.js';

const SWIPE_DISTANCE = 40;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

function button(className, label, text) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `btn gallery__nav ${className}`;
  element.setAttribute('aria-label', label);
  element.textContent = text;
  return element;
}

function enhance(gallery) {
  const strip = gallery.querySelector('.gallery__slides');
  const allSlides = [...strip.querySelectorAll('.gallery__slide')];
  if (allSlides.length < 2) {
    return;
  }
  const allThumbs = [...gallery.querySelectorAll('.gallery__thumbs li')];
  let slides = [];
  let thumbs = [];
  const previous = button('gallery__nav--previous', messages.galleryPrevious, '‹');
  const next = button('gallery__nav--next', messages.galleryNext, '›');
  const position = document.createElement('p');
  position.className = 'gallery__position';
  position.setAttribute('role', 'status');
  const controls = document.createElement('div');
  controls.className = 'gallery__controls';
  controls.append(previous, position, next);
  strip.after(controls);
  gallery.classList.add('gallery--enhanced');
  let current = 0;

  function show(index) {
    current = Math.max(0, Math.min(index, slides.length - 1));
    strip.scrollTo({ left: slides[current].offsetLeft - strip.offsetLeft, behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    slides.forEach((slide, i) => slide.setAttribute('aria-hidden', String(i !== current)));
    thumbs.forEach((thumb, i) => {
      if (i === current) {
        thumb.setAttribute('aria-current', 'true');
      } else {
        thumb.removeAttribute('aria-current');
      }
    });
    // aria-disabled rather than disabled: a disabled button loses the keyboard focus
    // when the last photo is reached with it (RGAA 7.3); show() stops at either end.
    previous.setAttribute('aria-disabled', String(current === 0));
    next.setAttribute('aria-disabled', String(current === slides.length - 1));
    position.textContent = format(messages.galleryPosition, current + 1, slides.length);
  }

  previous.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  allThumbs.map((item) => item.querySelector('a')).forEach((thumb) => thumb.addEventListener('click', (event) => {
    event.preventDefault();
    show(thumbs.indexOf(thumb));
  }));
  strip.addEventListener('keydown', (event) => {
    const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: slides.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      show(target);
    }
  });

  // Swipe: the strip no longer scrolls sideways by itself (touch-action: pan-y in CSS),
  // so a horizontal gesture of a finger, pen or mouse turns the page.
  let start = null;
  strip.addEventListener('pointerdown', (event) => {
    start = { x: event.clientX, y: event.clientY };
  });
  strip.addEventListener('pointerup', (event) => {
    if (!start) {
      return;
    }
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) > Math.abs(dy)) {
      show(current + (dx < 0 ? 1 : -1));
    }
  });
  strip.addEventListener('pointercancel', () => {
    start = null;
  });
  strip.addEventListener('dragstart', (event) => event.preventDefault());

  function refresh() {
    // A hidden photo is out of the page for everyone: it needs no aria-hidden of its own.
    allSlides.filter((slide) => slide.hidden).forEach((slide) => slide.removeAttribute('aria-hidden'));
    slides = allSlides.filter((slide) => !slide.hidden);
    thumbs = allThumbs.filter((item) => !item.hidden).map((item) => item.querySelector('a'));
    controls.hidden = slides.length < 2;
    if (slides.length > 0) {
      show(0);
    }
  }
  gallery.addEventListener('gallery:refresh', refresh);
  refresh();
}

document.querySelectorAll('.gallery').forEach(enhance);
