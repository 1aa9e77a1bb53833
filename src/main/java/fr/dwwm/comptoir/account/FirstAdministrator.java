package fr.dwwm.comptoir.account;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a fresh production database, created by a command (there is
 * no default account nor password anywhere):
 *
 * <pre>
 * java -jar comptoir.jar --spring.profiles.active=production --spring.main.web-application-type=none \
 *      --app.first-admin=alice@exemple.fr
 * </pre>
 *
 * It creates the account and prints a one-time invitation link, valid
 * {@value Invitations#PRINTED_MINUTES} minutes, where the person chooses their password
 * before enrolling their second factor at their first sign-in; then the command stops. It
 * refuses, and changes nothing, when the database already has an enabled administrator:
 * the others are invited from the back office.
 */
@Component
public class FirstAdministrator implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Invitations invitations;

	private final JdbcClient jdbc;

	private final ConfigurableApplicationContext context;

	private final String email;

	FirstAdministrator(Invitations invitations, JdbcClient jdbc, ConfigurableApplicationContext context,
			@Value("${app.first-admin:}") String email) {
		this.invitations = invitations;
		this.jdbc = jdbc;
		this.context = context;
		this.email = email;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (this.email.isBlank()) {
			return;
		}
		int code;
		try {
			String link = create(this.email);
			// On the console on purpose: the person running the command is the one who
			// follows the link; it is never mailed nor logged to a file.
			System.out.println("""

					Administrator %s created. Choose the password within %d minutes, once, at:
					%s
					""".formatted(this.email, Invitations.PRINTED_MINUTES, link));
			code = 0;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			logger.error("First administrator not created: {}", ex.getMessage());
			code = 1;
		}
		int exitCode = code;
		System.exit(SpringApplication.exit(this.context, () -> exitCode));
	}

	/**
	 * Creates the first administrator and their invitation link.
	 * @param address their e-mail address
	 * @return the link
	 * @throws IllegalStateException when an enabled administrator already exists
	 * @throws IllegalArgumentException when the address is not valid or already used
	 */
	public String create(String address) {
		if (address == null || !address.strip().matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+")) {
			throw new IllegalArgumentException("Not an e-mail address: " + address);
		}
		boolean administered = this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM account WHERE role_code = 'ADMIN' AND enabled AND anonymised_at IS NULL)")
			.query(Boolean.class)
			.single();
		if (administered) {
			throw new IllegalStateException(
					"this database already has an administrator: invite the others from the back office");
		}
		return this.invitations
			.invite(address.strip(), null, null, Role.ADMIN, null, Duration.ofMinutes(Invitations.PRINTED_MINUTES))
			.link();
	}

}
