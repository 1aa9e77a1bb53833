package fr.dwwm.comptoir.test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.mail.OutboxSender;

/**
 * What tests need of the mails the shop sends: flush the outbox, then read what arrived
 * in the JVM's demo mailbox.
 */
public class Mailbox {

	private final OutboxSender sender;

	private final DemoMailbox mailbox;

	public Mailbox(OutboxSender sender, DemoMailbox mailbox) {
		this.sender = sender;
		this.mailbox = mailbox;
	}

	/**
	 * Sends every queued mail, batch after batch, then returns those received by an
	 * address.
	 * @param recipient the address
	 * @return its mails, newest first
	 */
	public List<DemoMailbox.ReceivedMail> to(String recipient) {
		// The sender takes the outbox by batches: empty it, whatever earlier tests
		// queued.
		while (this.sender.sendDue() > 0) {
			// next batch
		}
		return this.mailbox.mailsTo(recipient);
	}

	/**
	 * Returns the path and query of the first link of a mail that points to a path.
	 * @param mail the mail
	 * @param path the path it starts with, e.g. {@code /password/reset}
	 * @return e.g. {@code /password/reset?token=...}
	 */
	public static String link(DemoMailbox.ReceivedMail mail, String path) {
		Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[^\\s]*)").matcher(mail.text());
		if (!matcher.find()) {
			throw new IllegalStateException("No link to " + path + " in " + mail.text());
		}
		return matcher.group(1);
	}

	/**
	 * Returns the one-time token a link carries.
	 * @param link a link from {@link #link}, e.g. {@code /password/reset?token=...}
	 * @return the token
	 */
	public static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

}
