package fr.dwwm.comptoir.module;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spring's message bundles, without the lock that made pages wait for each other under
 * load.
 *
 * <p>
 * A text with arguments ({@code catalog.filters.value=…({1})}, written for each filter of
 * a listing) is formatted by a {@link MessageFormat} that Spring parses once and shares;
 * since a {@code MessageFormat} is not thread-safe, every use locks it. With 64 visitors
 * on 2 cores, a thread dump taken under load showed 29 of the 64 request threads
 * <em>blocked</em> on that one lock (docs/performance.md). Here each use gets its own
 * copy of the parsed format: a copy is cheap (no parsing), and a lock nobody else holds
 * costs nothing.
 */
class UncontendedMessageSource extends ResourceBundleMessageSource {

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		MessageFormat shared = super.resolveCode(code, locale);
		return (shared != null) ? (MessageFormat) shared.clone() : null;
	}

}
