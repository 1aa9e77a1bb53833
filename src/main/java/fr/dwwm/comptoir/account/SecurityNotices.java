package fr.dwwm.comptoir.account;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells an account's owner by mail, in their language, that something changed in how the
 * account is opened (its second factor, its passkeys), with what to do if it was not
 * them: choose a new password. Queued in the transaction of the change, so that the mail
 * goes if and only if the change is saved.
 */
@Component
class SecurityNotices {

	private final JdbcClient jdbc;

	private final MailOutbox mails;

	private final PublicUrl publicUrl;

	SecurityNotices(JdbcClient jdbc, MailOutbox mails, PublicUrl publicUrl) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.publicUrl = publicUrl;
	}

	/**
	 * Queues a notice.
	 * @param accountId the account
	 * @param notice the notice, whose subject and text are {@code mail.<notice>.subject}
	 * and {@code mail.<notice>.text}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void tell(long accountId, String notice) {
		tell(accountId, notice, null);
	}

	/**
	 * Queues a notice about one passkey, named in the mail.
	 * @param accountId the account
	 * @param notice the notice
	 * @param passkeyName the passkey's name, or {@code null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void tell(long accountId, String notice, String passkeyName) {
		Map<String, Object> owner = this.jdbc
			.sql("SELECT email, coalesce(first_name, email) AS name, preferred_locale FROM account WHERE id = :id")
			.param("id", accountId)
			.query()
			.singleRow();
		Map<String, Object> model = new HashMap<>();
		model.put("name", owner.get("name"));
		model.put("resetUrl", this.publicUrl.link("/password/forgot"));
		if (passkeyName != null) {
			model.put("passkeyName", passkeyName);
		}
		this.mails.enqueueNotice((String) owner.get("email"), notice, model,
				Locale.forLanguageTag((String) owner.get("preferred_locale")));
	}

}
