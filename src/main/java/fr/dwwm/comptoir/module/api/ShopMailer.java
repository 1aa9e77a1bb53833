package fr.dwwm.comptoir.module.api;

import java.util.Locale;
import java.util.Map;

/**
 * Sends e-mails through the shop's outbox: the mail is written in the same transaction as
 * the change that causes it, then sent (and retried) by the shop's sender.
 */
public interface ShopMailer {

	/**
	 * Queues a mail of a module. Its subject is the message
	 * {@code module.<code>.mail.<mail>.subject}, its HTML body the template
	 * {@code modules/<code>/mail/<mail>.html} and its text body
	 * {@code modules/<code>/mail/text/<mail>.txt}.
	 * @param recipient the address
	 * @param moduleCode the module's code
	 * @param mail the mail's name, e.g. {@code confirm}
	 * @param model the templates' variables
	 * @param locale the recipient's language
	 */
	void send(String recipient, String moduleCode, String mail, Map<String, Object> model, Locale locale);

}
