package fr.dwwm.comptoir.module.builtin.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.module.api.ShopMailer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages sent with the contact form: kept in {@code module_contact.message} and
 * passed on by e-mail to the shop's address, in one transaction (no message stored
 * without its mail, no mail without its message).
 */
@Service
class ContactMessages {

	/** The shop works in French: its notifications are in French. */
	private static final Locale SHOP_LOCALE = Locale.FRENCH;

	private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm",
			SHOP_LOCALE);

	private final JdbcClient jdbc;

	private final ShopMailer mailer;

	private final Clock clock;

	ContactMessages(JdbcClient jdbc, ShopMailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Keeps a message and mails it to the shop.
	 * @param form the checked form
	 * @param recipient the shop's address that receives the messages
	 * @return the message's id
	 */
	@Transactional
	long receive(ContactForm form, String recipient) {
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				INSERT INTO module_contact.message (name, email, subject, body, created_at)
				VALUES (:name, :email, :subject, :body, :now)
				RETURNING id""")
			.param("name", form.getName())
			.param("email", form.getEmail())
			.param("subject", form.getSubject())
			.param("body", form.getMessage())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		this.mailer.send(recipient, ContactModule.CODE, "received",
				Map.of("reference", Long.toString(id), "name", form.getName(), "email", form.getEmail(), "subject",
						form.getSubject(), "lines", form.getMessage().lines().toList(), "receivedAt",
						RECEIVED_AT.format(now.atZone(SHOP_ZONE))),
				SHOP_LOCALE);
		return id;
	}

}
