/*
 * Featured products carousel (module "featured"). Without JavaScript the row of cards
 * scrolls sideways and every card is reached with Tab. This script adds two buttons before
 * the row, "previous" and "next", that scroll it by one card:
 * - they are real buttons, so Tab reaches them and Enter or Space presses them;
 * - at either end of the row the button that can go no further is marked
 *   aria-disabled="true" (not disabled, which would throw the keyboard focus away while the
 *   visitor is pressing it) and does nothing;
 * - when every card fits on screen, the buttons are hidden;
 * - a visitor whose system asks for reduced motion gets an instant jump, not a glide.
 * The labels come from the page (data-label-previous, data-label-next, written from the
 * message bundles): no French or English is written here.
 */
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

function button(label, symbol, modifier) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `btn featured__nav featured__nav--${modifier}`;
  element.setAttribute('aria-label', label);
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = symbol;
  element.append(icon);
  return element;
}

/** The width of one card and the gap after it: how far one press scrolls. */
function cardStep(list) {
  const first = list.firstElementChild;
  const gap = parseFloat(getComputedStyle(list).columnGap) || 0;
  return first.getBoundingClientRect().width + gap;
}

function enhance(carousel, index) {
  const list = carousel.querySelector('[data-carousel-list]');
  if (!list || list.children.length < 2) {
    return;
  }
  if (!list.id) {
    list.id = `featured-list-${index}`;
  }
  const previous = button(carousel.dataset.labelPrevious, '‹', 'previous');
  const next = button(carousel.dataset.labelNext, '›', 'next');
  previous.setAttribute('aria-controls', list.id);
  next.setAttribute('aria-controls', list.id);
  const controls = document.createElement('div');
  controls.className = 'featured__controls';
  controls.append(previous, next);
  list.before(controls);

  function update() {
    // One pixel of tolerance: browsers round scroll positions.
    const atStart = list.scrollLeft <= 1;
    const atEnd = list.scrollLeft + list.clientWidth >= list.scrollWidth - 1;
    previous.setAttribute('aria-disabled', String(atStart));
    next.setAttribute('aria-disabled', String(atEnd));
    controls.hidden = atStart && atEnd;
  }

  function scrollBy(direction, control) {
    if (control.getAttribute('aria-disabled') === 'true') {
      return;
    }
    list.scrollBy({ left: direction * cardStep(list), behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  }

  previous.addEventListener('click', () => scrollBy(-1, previous));
  next.addEventListener('click', () => scrollBy(1, next));

  // The buttons follow the row however it moves (buttons, Tab, finger, trackpad), at most
  // once per frame.
  let scheduled = false;
  list.addEventListener('scroll', () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        update();
      });
    }
  }, { passive: true });
  new ResizeObserver(update).observe(list);
  update();
}

document.querySelectorAll('[data-featured-carousel]').forEach(enhance);
