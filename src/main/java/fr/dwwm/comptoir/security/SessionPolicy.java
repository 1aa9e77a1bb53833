package fr.dwwm.comptoir.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long sessions live (ANSSI PG-078 R12, OWASP session management): an idle session
 * expires after a while, and any session after an absolute lifetime, shorter for staff.
 *
 * @param customerIdle idle timeout of customers
 * @param customerAbsolute absolute lifetime of customers' sessions
 * @param staffIdle idle timeout of staff
 * @param staffAbsolute absolute lifetime of staff sessions
 */
@ConfigurationProperties("app.security.session")
public record SessionPolicy(@DefaultValue("30m") Duration customerIdle, @DefaultValue("8h") Duration customerAbsolute,
		@DefaultValue("5m") Duration staffIdle, @DefaultValue("4h") Duration staffAbsolute) {

	Duration idle(boolean staff) {
		return staff ? this.staffIdle : this.customerIdle;
	}

	Duration absolute(boolean staff) {
		return staff ? this.staffAbsolute : this.customerAbsolute;
	}

}
