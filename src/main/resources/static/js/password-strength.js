/*
 * Password strength meter (progressive enhancement). It mirrors the server's rules
 * (fr.dwwm.comptoir.security.PasswordPolicy): a minimum length, not a common password, not
 * built on the person's e-mail address or names. The server stays the authority: this only
 * helps the person choose before they submit.
 */
const COMMON_WORDS = ['password', 'motdepasse', 'azerty', 'qwerty', 'azertyuiop', 'qwertyuiop', 'soleil',
  'bonjour', 'chocolat', 'doudou', 'loulou', 'marseille', 'football', 'iloveyou', 'jetaime', 'princesse',
  'dragon', 'admin', 'welcome', 'bienvenue', 'secret', 'comptoir', '123456789', '0123456789'];

const simplify = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s._-]+/g, '');

function problems(password, minimum, context) {
  const found = [];
  const simple = simplify(password);
  if ([...password].length < minimum) {
    found.push('short');
  }
  const stripped = simple.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  if (COMMON_WORDS.includes(stripped) || /^(.)\1+$/.test(simple) || /^(..)\1+$/.test(simple)) {
    found.push('common');
  }
  const words = context.flatMap((value) => {
    const lower = simplify(value);
    return [lower, lower.split('@')[0], ...value.toLowerCase().split(/[^a-z0-9]+/)];
  });
  if (words.some((word) => word.length >= 4 && simple.includes(word))) {
    found.push('personal');
  }
  return found;
}

for (const input of document.querySelectorAll('input[data-password-strength]')) {
  const output = document.getElementById(input.getAttribute('aria-describedby').split(' ').pop());
  const minimum = Number(input.getAttribute('minlength') || 12);
  const contextFields = (input.dataset.context || '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)).filter(Boolean);
  const messages = JSON.parse(document.getElementById('password-messages')?.textContent || '{}');
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const password = input.value;
      if (!password) {
        output.textContent = '';
        output.dataset.level = '';
        return;
      }
      const found = problems(password, minimum, contextFields.map((field) => field.value));
      const length = [...password].length;
      let level = 'weak';
      if (found.length === 0) {
        level = length >= minimum + 8 ? 'strong' : 'good';
      }
      output.dataset.level = level;
      output.textContent = [messages[level] || level, ...found.map((key) => messages[key] || key)].join(' ');
    }, 200);
  });
}
