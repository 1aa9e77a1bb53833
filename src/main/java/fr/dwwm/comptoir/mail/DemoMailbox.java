package fr.dwwm.comptoir.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server inside the JVM (GreenMail) that keeps every mail it receives, so that
 * the demo shop and the tests send real mails without a real mail server, and a trainer
 * can show them ({@code /demo/mails}). One per JVM, like the embedded database.
 */
public final class DemoMailbox {

	private static final Logger logger = LoggerFactory.getLogger(DemoMailbox.class);

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private static DemoMailbox shared;

	private final GreenMail server;

	private DemoMailbox(GreenMail server) {
		this.server = server;
	}

	/**
	 * Returns the mailbox of this JVM, starting it on first call.
	 * @param port the SMTP port on localhost, 0 for any free port
	 * @return the running mailbox
	 */
	public static synchronized DemoMailbox shared(int port) {
		if (shared == null) {
			ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			if (port == 0) {
				setup = setup.dynamicPort();
			}
			GreenMail server = new GreenMail(setup);
			server.start();
			shared = new DemoMailbox(server);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "demo-mailbox-stop"));
			logger.info("Demo mailbox listening on localhost:{} (mails shown at /demo/mails)", shared.port());
		}
		return shared;
	}

	/**
	 * Returns the SMTP port.
	 * @return the port on localhost
	 */
	public int port() {
		return this.server.getSmtp().getPort();
	}

	/**
	 * Returns every mail received, newest first.
	 * @return the mails
	 */
	public List<ReceivedMail> mails() {
		List<ReceivedMail> mails = new ArrayList<>();
		for (MimeMessage message : this.server.getReceivedMessages()) {
			mails.add(ReceivedMail.of(message));
		}
		// The server keeps them in arrival order, oldest first; dates have a one-second
		// resolution, so two mails of the same second keep that order, reversed.
		java.util.Collections.reverse(mails);
		mails.sort(Comparator.comparing(ReceivedMail::receivedAt).reversed());
		return mails;
	}

	/**
	 * Returns the mails received by one address, newest first.
	 * @param recipient the address
	 * @return the mails
	 */
	public List<ReceivedMail> mailsTo(String recipient) {
		return mails().stream().filter((mail) -> mail.to().equalsIgnoreCase(recipient)).toList();
	}

	/**
	 * A mail as the demo mailbox shows it.
	 *
	 * @param to recipient
	 * @param subject subject
	 * @param text plain-text body
	 * @param links the web addresses in the body
	 * @param attachments names of the attached files
	 * @param receivedAt when it arrived
	 * @param message the raw message
	 */
	public record ReceivedMail(String to, String subject, String text, List<String> links, List<String> attachments,
			Instant receivedAt, MimeMessage message) {

		static ReceivedMail of(MimeMessage message) {
			try {
				List<String> attachments = new ArrayList<>();
				String text = text(message, attachments);
				List<String> links = new ArrayList<>();
				Matcher matcher = LINK.matcher(text);
				while (matcher.find()) {
					links.add(matcher.group());
				}
				Instant received = (message.getSentDate() != null) ? message.getSentDate().toInstant() : Instant.EPOCH;
				return new ReceivedMail(message.getRecipients(Message.RecipientType.TO)[0].toString(),
						message.getSubject(), text, links, attachments, received, message);
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException("Unreadable mail", ex);
			}
		}

		private static String text(Part part, List<String> attachments) throws MessagingException, IOException {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attachments.add(part.getFileName());
				return "";
			}
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					text.append(text(body, attachments));
				}
				return text.toString();
			}
			return "";
		}

	}

}
