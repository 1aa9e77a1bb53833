package fr.dwwm.comptoir.module.builtin.contact;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The contact form. Values are cleaned as they are bound (spaces around them removed,
 * invisible control characters dropped, line breaks made uniform, an empty field made
 * {@code null}), so that the lengths checked are the lengths stored, a character the
 * database refuses never reaches it, and an empty field gets one message.
 *
 * <p>
 * The honeypot field ({@code website}) is not part of this object: it is read on its own
 * by {@link ContactController}.
 */
public class ContactForm {

	/** The subjects a visitor can choose, as stored and as keys of their labels. */
	public static final List<String> SUBJECTS = List.of("commande", "produit", "autre");

	/**
	 * The address syntax of HTML's {@code <input type="email">}, with at least one dot in
	 * the domain (Bean Validation's {@code @Email} accepts {@code camille@exemple}, to
	 * which no answer could ever be sent). One rule, so that a wrong address gets one
	 * message.
	 */
	static final String EMAIL_PATTERN = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
			+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

	@NotBlank(message = "{module.contact.name.required}")
	@Size(max = 100, message = "{module.contact.name.too-long}")
	private String name = "";

	@NotBlank(message = "{module.contact.email.required}")
	@Pattern(regexp = EMAIL_PATTERN, message = "{module.contact.email.invalid}")
	@Size(max = 254, message = "{module.contact.email.invalid}")
	private String email = "";

	@NotBlank(message = "{module.contact.subject.required}")
	@Pattern(regexp = "commande|produit|autre", message = "{module.contact.subject.required}")
	private String subject = "";

	@NotBlank(message = "{module.contact.message.required}")
	@Size(min = 10, max = 5000, message = "{module.contact.message.size}")
	private String message = "";

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = oneLine(name);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = oneLine(email);
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = oneLine(subject);
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = severalLines(message);
	}

	/**
	 * Cleans a one-line value.
	 * @param raw the value as sent
	 * @return without control characters nor surrounding spaces, or {@code null} if
	 * nothing is left
	 */
	static String oneLine(String raw) {
		return (raw != null) ? nullIfEmpty(raw.replaceAll("\\p{Cc}", "").strip()) : null;
	}

	/**
	 * Cleans a text of several lines: browsers send line breaks as {@code \r\n}, which
	 * would count twice against the length a textarea showed.
	 * @param raw the value as sent
	 * @return with {@code \n} line breaks, tabs kept, other control characters dropped,
	 * surrounding spaces removed, or {@code null} if nothing is left
	 */
	static String severalLines(String raw) {
		if (raw == null) {
			return null;
		}
		return nullIfEmpty(
				raw.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip());
	}

	/**
	 * An empty field becomes {@code null}: only {@code @NotBlank} then speaks ("enter
	 * your name"), not also the format or length rules, which let {@code null} through.
	 */
	private static String nullIfEmpty(String value) {
		return value.isEmpty() ? null : value;
	}

}
