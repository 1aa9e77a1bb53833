package fr.dwwm.comptoir.mail;

import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.module.api.ShopMailer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets modules send mails through the outbox ({@link ShopMailer}).
 */
@Component
class ModuleMailer implements ShopMailer {

	private final MailOutbox outbox;

	ModuleMailer(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	@Transactional
	public void send(String recipient, String moduleCode, String mail, Map<String, Object> model, Locale locale) {
		this.outbox.enqueueForModule(recipient, moduleCode, mail, model, locale);
	}

}
