package fr.dwwm.comptoir.mail;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an e-mail into the {@code mail_outbox} table, in the transaction of what causes
 * it (an order, a password reset...): if that transaction rolls back, no mail leaves; if
 * the mail server is down, the mail waits and {@link OutboxSender} retries it.
 *
 * <p>
 * Each mail is a pair of Thymeleaf templates, {@code mail/<name>.html} and
 * {@code mail/text/<name>.txt}, and a subject {@code mail.<name>.subject} in the message
 * bundles, rendered in the recipient's language.
 */
@Service
public class MailOutbox {

	private final JdbcClient jdbc;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	MailOutbox(JdbcClient jdbc, ITemplateEngine templates, MessageSource messages) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.messages = messages;
	}

	/**
	 * Queues a mail.
	 * @param recipient the address
	 * @param template the template name, e.g. {@code password-reset}
	 * @param model the template's variables
	 * @param locale the recipient's language
	 * @return the outbox row id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(String recipient, String template, Map<String, Object> model, Locale locale) {
		return enqueue(recipient, template, model, locale, null, null);
	}

	/**
	 * Queues a mail with one attachment (an invoice).
	 * @param recipient the address
	 * @param template the template name
	 * @param model the template's variables
	 * @param locale the recipient's language
	 * @param attachmentName the attachment's file name, or {@code null}
	 * @param attachment the attachment's bytes, or {@code null}
	 * @return the outbox row id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(String recipient, String template, Map<String, Object> model, Locale locale,
			String attachmentName, byte[] attachment) {
		return insert(recipient, "mail." + template + ".subject", "mail/" + template, "mail/text/" + template, model,
				locale, attachmentName, attachment);
	}

	/**
	 * Queues a mail whose subject is not the template's own: one template for several
	 * steps of a story (the steps of a return), each with its subject.
	 * @param recipient the address
	 * @param template the template name
	 * @param subjectKey the subject's message key
	 * @param model the template's variables
	 * @param locale the recipient's language
	 * @param attachmentName the attachment's file name, or {@code null}
	 * @param attachment the attachment's bytes, or {@code null}
	 * @return the outbox row id
	 */
	public long enqueueWithSubject(String recipient, String template, String subjectKey, Map<String, Object> model,
			Locale locale, String attachmentName, byte[] attachment) {
		return insert(recipient, subjectKey, "mail/" + template, "mail/text/" + template, model, locale, attachmentName,
				attachment);
	}

	/**
	 * Queues a security notice to an account's owner (second factor set up, replaced,
	 * removed or locked…): one template, {@code mail/security-notice}, whose subject and
	 * text are {@code mail.<notice>.subject} and {@code mail.<notice>.text}.
	 * @param recipient the address
	 * @param notice what happened, e.g. {@code mfa-replaced}
	 * @param model the template's variables ({@code name}, {@code resetUrl})
	 * @param locale the recipient's language
	 * @return the outbox row id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueueNotice(String recipient, String notice, Map<String, Object> model, Locale locale) {
		Map<String, Object> withNotice = new java.util.HashMap<>(model);
		withNotice.put("notice", notice);
		return insert(recipient, "mail." + notice + ".subject", "mail/security-notice", "mail/text/security-notice",
				withNotice, locale, null, null);
	}

	/**
	 * Queues a module's mail: templates {@code modules/<code>/mail/<mail>} and
	 * {@code modules/<code>/mail/text/<mail>}, subject
	 * {@code module.<code>.mail.<mail>.subject}.
	 * @param recipient the address
	 * @param moduleCode the module's code
	 * @param mail the mail's name
	 * @param model the templates' variables
	 * @param locale the recipient's language
	 * @return the outbox row id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueueForModule(String recipient, String moduleCode, String mail, Map<String, Object> model,
			Locale locale) {
		String base = "modules/" + moduleCode + "/mail/";
		return insert(recipient, "module." + moduleCode + ".mail." + mail + ".subject", base + mail,
				base + "text/" + mail, model, locale, null, null);
	}

	/**
	 * Renders a mail as {@link #enqueue} would, and queues nothing. For a path that must
	 * take as long as one that sends a mail, so that its duration does not tell whether a
	 * mail left: a password reset asked for an address without an account.
	 * @param template the template name
	 * @param model the template's variables
	 * @param locale the language
	 */
	public void renderOnly(String template, Map<String, Object> model, Locale locale) {
		Context context = new Context(locale, model);
		this.messages.getMessage("mail." + template + ".subject", null, locale);
		this.templates.process("mail/" + template, context);
		this.templates.process("mail/text/" + template, context);
	}

	private long insert(String recipient, String subjectKey, String htmlTemplate, String textTemplate,
			Map<String, Object> model, Locale locale, String attachmentName, byte[] attachment) {
		Context context = new Context(locale, model);
		String subject = this.messages.getMessage(subjectKey, null, locale);
		String html = this.templates.process(htmlTemplate, context);
		String text = this.templates.process(textTemplate, context);
		return this.jdbc.sql("""
				INSERT INTO mail_outbox (recipient, subject, body_html, body_text, attachment_name, attachment)
				VALUES (:recipient, :subject, :html, :text, :attachmentName, :attachment)
				RETURNING id""")
			.param("recipient", recipient)
			.param("subject", subject)
			.param("html", html)
			.param("text", text)
			.param("attachmentName", attachmentName)
			.param("attachment", attachment)
			.query(Long.class)
			.single();
	}

}
