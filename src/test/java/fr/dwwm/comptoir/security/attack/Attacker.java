package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.Mailbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the attack tests do again and again, as an attacker would from a browser: sign in,
 * read the secret an authenticator set-up page shows, compute a code.
 */
final class Attacker {

	private static final Pattern SECRET = Pattern.compile("class=\"totp-secret\">([A-Z2-7 ]+)<");

	private Attacker() {
	}

	/**
	 * Signs in with the test password, in this client's session.
	 * @param http the attacker's browser
	 * @param email the account
	 * @return the login's answer (a redirect)
	 */
	static HttpResponse<String> signIn(Http http, String email) {
		return http.login(email, TestAccounts.PASSWORD);
	}

	/**
	 * Signs in with the password and an authenticator code.
	 * @param http the browser
	 * @param email the account
	 * @param secret the account's authenticator secret
	 */
	static void signInWithSecondFactor(Http http, String email, String secret) {
		signIn(http, email);
		http.postForm("/login/second-factor", "/login/second-factor", Map.of("code", code(secret)));
	}

	/**
	 * Reads the Base32 secret shown on an authenticator set-up page.
	 * @param page the page
	 * @return the secret, without spaces
	 */
	static String secretShownOn(HttpResponse<String> page) {
		Matcher matcher = SECRET.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No secret on the page (status " + page.statusCode() + ")");
		}
		return matcher.group(1).replace(" ", "");
	}

	/**
	 * The authenticator code of a secret now.
	 * @param secret the Base32 secret
	 * @return six digits
	 */
	static String code(String secret) {
		return Totp.code(secret, Totp.stepAt(Instant.now()), 6);
	}

	/**
	 * The authenticator code of the next 30-second step, still accepted now: a code the
	 * account has not used yet when the current one was just used to sign in (each code
	 * is accepted once).
	 * @param secret the Base32 secret
	 * @return six digits
	 */
	static String nextCode(String secret) {
		return Totp.code(secret, Totp.stepAt(Instant.now()) + 1, 6);
	}

	/**
	 * A code that is never valid for the secret now (none of the accepted steps gives
	 * it).
	 * @param secret the Base32 secret
	 * @return six digits
	 */
	static String wrongCode(String secret) {
		long step = Totp.stepAt(Instant.now());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(Totp.code(secret, step - 1, 6)) && !code.equals(Totp.code(secret, step, 6))
					&& !code.equals(Totp.code(secret, step + 1, 6))) {
				return code;
			}
		}
	}

	/**
	 * Asks, from a signed-in browser, for the account's address to become another, with
	 * the right password, as its owner does.
	 * @param browser the signed-in browser
	 * @param mailbox the mails sent
	 * @param newEmail the address asked for
	 * @return the path and query of the link mailed to it
	 */
	static String addressChangeLink(Http browser, Mailbox mailbox, String newEmail) {
		browser.postForm("/account/email", "/account/email",
				Map.of("email", newEmail, "current", TestAccounts.PASSWORD));
		return Mailbox.link(mailbox.to(newEmail).get(0), "/account/email/confirm");
	}

	/**
	 * Reads the address an account signs in with now, from the database.
	 * @param jdbc the database
	 * @param account the account
	 * @return its address
	 */
	static String emailOf(JdbcClient jdbc, Account account) {
		return jdbc.sql("SELECT email FROM account WHERE id = :id")
			.param("id", account.getId())
			.query(String.class)
			.single();
	}

	/**
	 * Where a redirect leads, or an empty string when the answer is not a redirect.
	 * @param response the answer
	 * @return the {@code Location} header
	 */
	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/**
	 * Spellings of a path that a router might take for it, written from its canonical
	 * form.
	 * @param path e.g. {@code /password/forgot}
	 * @return the spellings, the canonical one first
	 */
	static List<String> spellings(String path) {
		int last = path.lastIndexOf('/') + 1;
		String head = path.substring(0, last);
		String tail = path.substring(last);
		List<String> spellings = new ArrayList<>();
		spellings.add(path);
		spellings.add(head + "%" + Integer.toHexString(tail.charAt(0)) + tail.substring(1));
		spellings.add(encodeEveryLetter(path));
		spellings.add(head + tail + ";jsessionid=1");
		if (head.length() > 1) {
			spellings.add(head.substring(0, head.length() - 1) + ";x=1/" + tail);
			spellings.add(head.substring(0, head.length() - 1) + "%2F" + tail);
		}
		spellings.add("/" + path);
		spellings.add(head + "/" + tail);
		spellings.add(path + "/");
		spellings.add(head + Character.toUpperCase(tail.charAt(0)) + tail.substring(1));
		spellings.add(path.toUpperCase(Locale.ROOT));
		spellings.add(head + "./" + tail);
		spellings.add("/x/.." + path);
		spellings.add(head + "%2e/" + tail);
		spellings.add(path + "%20");
		spellings.add(path + "?limit=ignored");
		return spellings;
	}

	private static String encodeEveryLetter(String path) {
		StringBuilder encoded = new StringBuilder();
		for (char c : path.toCharArray()) {
			encoded.append(
					Character.isLetter(c) ? "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT) : String.valueOf(c));
		}
		return encoded.toString();
	}

}
