package fr.dwwm.comptoir.module.builtin.newsletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dwwm.comptoir.module.api.ShopMailer;
import fr.dwwm.comptoir.module.api.ShopModules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double opt-in of the newsletter (what the CNIL recommends for consent given
 * online): a sign-up is only a request, kept {@code PENDING} until the owner of the
 * address clicks the link mailed to it; only then is it {@code CONFIRMED}. The table is
 * {@code module_newsletter.subscriber}.
 *
 * <p>
 * Nothing here tells a visitor whether an address is already on the list: signing up an
 * address that is pending or confirmed looks exactly like signing up a new one.
 */
@Service
class Subscriptions {

	/** How long the link of a confirmation mail works. */
	static final Duration LINK_VALIDITY = Duration.ofDays(7);

	/** No new confirmation mail to an address that got one less than this ago. */
	static final Duration RESEND_DELAY = Duration.ofMinutes(10);

	private static final Logger logger = LoggerFactory.getLogger(Subscriptions.class);

	private final JdbcClient jdbc;

	private final ShopMailer mailer;

	private final ShopModules modules;

	private final Clock clock;

	Subscriptions(JdbcClient jdbc, ShopMailer mailer, ShopModules modules, Clock clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.modules = modules;
		this.clock = clock;
	}

	/**
	 * Records a sign-up request and mails its confirmation link, in one transaction. Does
	 * nothing for an address already confirmed, nor for one that got a confirmation mail
	 * less than {@link #RESEND_DELAY} ago (so that the form cannot be used to flood a
	 * mailbox); a pending request older than that gets a new link, the old one stops
	 * working.
	 * @param email the checked address, in lower case
	 * @param consentText the consent sentence the visitor saw next to the button
	 * @param locale the visitor's language, for the mail
	 * @return whether a confirmation mail was queued
	 */
	@Transactional
	boolean subscribe(String email, String consentText, Locale locale) {
		Instant now = this.clock.instant();
		String token = SubscriptionTokens.newToken();
		// One statement, so that two sign-ups of the same address at the same time cannot
		// both send a mail: the row is written only if it is new, or pending and old
		// enough to deserve a new link.
		Optional<Long> requested = this.jdbc
			.sql("""
					INSERT INTO module_newsletter.subscriber AS existing (email, status, token_hash, created_at, consent_text, locale)
					VALUES (:email, 'PENDING', :hash, :now, :consent, :locale)
					ON CONFLICT (email) DO UPDATE
					    SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at,
					        consent_text = EXCLUDED.consent_text, locale = EXCLUDED.locale
					    WHERE existing.status = 'PENDING' AND existing.created_at <= :resendBefore
					RETURNING id""")
			.param("email", email)
			.param("hash", SubscriptionTokens.hash(token))
			.param("now", Timestamp.from(now))
			.param("consent", consentText)
			.param("locale", language(locale))
			.param("resendBefore", Timestamp.from(resendThreshold(now)))
			.query(Long.class)
			.optional();
		if (requested.isEmpty()) {
			return false;
		}
		String link = this.modules.publicUrl() + "/modules/newsletter/confirm?token=" + token;
		this.mailer.send(email, NewsletterModule.CODE, "confirm", Map.of("link", link, "days", LINK_VALIDITY.toDays()),
				locale);
		return true;
	}

	/**
	 * Confirms a subscription with the token of its link.
	 * @param token the token from the link, already checked with
	 * {@link SubscriptionTokens#isWellFormed(String)}
	 * @return what the link did
	 */
	@Transactional
	Confirmation confirm(String token) {
		Instant now = this.clock.instant();
		byte[] hash = SubscriptionTokens.hash(token);
		boolean confirmed = this.jdbc.sql("""
				UPDATE module_newsletter.subscriber SET status = 'CONFIRMED', confirmed_at = :now
				WHERE token_hash = :hash AND status = 'PENDING' AND created_at > :expiredBefore""")
			.param("now", Timestamp.from(now))
			.param("hash", hash)
			.param("expiredBefore", Timestamp.from(expiryThreshold(now)))
			.update() == 1;
		if (confirmed) {
			return Confirmation.CONFIRMED;
		}
		// The link of a subscription confirmed earlier still shows the page (and its
		// unsubscribe link) rather than an error.
		boolean alreadyConfirmed = this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM module_newsletter.subscriber WHERE token_hash = :hash AND status = 'CONFIRMED')")
			.param("hash", hash)
			.query(Boolean.class)
			.single();
		return alreadyConfirmed ? Confirmation.ALREADY_CONFIRMED : Confirmation.INVALID;
	}

	/**
	 * Tells whether a token belongs to a subscription, pending or confirmed.
	 * @param token the token from the link, already checked
	 * @return whether an unsubscribe link with it would do something
	 */
	@Transactional(readOnly = true)
	boolean exists(String token) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM module_newsletter.subscriber WHERE token_hash = :hash)")
			.param("hash", SubscriptionTokens.hash(token))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Unsubscribes: the row is deleted, the address is no longer kept anywhere.
	 * @param token the token from the link, already checked
	 * @return whether a subscription was deleted
	 */
	@Transactional
	boolean unsubscribe(String token) {
		return this.jdbc.sql("DELETE FROM module_newsletter.subscriber WHERE token_hash = :hash")
			.param("hash", SubscriptionTokens.hash(token))
			.update() == 1;
	}

	/**
	 * Deletes the requests never confirmed, once a day: an address whose owner did not
	 * click the link within {@link #LINK_VALIDITY} was never consented, so it is not kept
	 * (GDPR, data minimisation). Skipped while the module is disabled or not installed.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	@Transactional
	public void purgeUnconfirmed() {
		if (!this.modules.isEnabled(NewsletterModule.CODE)) {
			return;
		}
		int deleted = this.jdbc.sql("""
				DELETE FROM module_newsletter.subscriber
				WHERE status = 'PENDING' AND created_at <= :expiredBefore""")
			.param("expiredBefore", Timestamp.from(expiryThreshold(this.clock.instant())))
			.update();
		if (deleted > 0) {
			logger.info("Newsletter: {} unconfirmed sign-ups deleted", deleted);
		}
	}

	/**
	 * The moment before which a pending request may get a new confirmation mail.
	 * @param now the current instant
	 * @return {@link #RESEND_DELAY} before it
	 */
	static Instant resendThreshold(Instant now) {
		return now.minus(RESEND_DELAY);
	}

	/**
	 * The moment before which a confirmation link no longer works.
	 * @param now the current instant
	 * @return {@link #LINK_VALIDITY} before it
	 */
	static Instant expiryThreshold(Instant now) {
		return now.minus(LINK_VALIDITY);
	}

	/**
	 * Tells whether a new confirmation mail may go to an address whose pending request
	 * was made at a given moment (the rule the sign-up statement applies).
	 * @param requestedAt when the pending request was made (or last renewed)
	 * @param now the current instant
	 * @return whether {@link #RESEND_DELAY} has passed
	 */
	static boolean mayResend(Instant requestedAt, Instant now) {
		return !requestedAt.isAfter(resendThreshold(now));
	}

	/**
	 * Tells whether the link of a pending request still works (the rule the confirmation
	 * statement applies).
	 * @param requestedAt when the request was made (or last renewed)
	 * @param now the current instant
	 * @return whether less than {@link #LINK_VALIDITY} has passed
	 */
	static boolean linkWorks(Instant requestedAt, Instant now) {
		return requestedAt.isAfter(expiryThreshold(now));
	}

	private static String language(Locale locale) {
		String language = (locale != null) ? locale.getLanguage() : "";
		return language.matches("[a-z]{2,3}") ? language : "fr";
	}

	/** What a confirmation link did. */
	enum Confirmation {

		/** The subscription is confirmed now. */
		CONFIRMED,
		/** It had been confirmed before: nothing changed. */
		ALREADY_CONFIRMED,
		/** Unknown, expired or cancelled: nothing changed. */
		INVALID

	}

}
