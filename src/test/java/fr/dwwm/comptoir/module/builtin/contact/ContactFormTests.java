package fr.dwwm.comptoir.module.builtin.contact;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the contact form: the values cleaned as they arrive, the fields checked,
 * the honeypot.
 */
class ContactFormTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aCompleteFormIsValid() {
		assertThat(invalidFields(form("Camille Durand", "camille@exemple.fr", "commande", "Où en est ma commande ?")))
			.isEmpty();
	}

	@Test
	void eachFieldHasItsRule() {
		assertThat(invalidFields(form("", "camille@exemple.fr", "commande", "Bonjour, une question.")))
			.containsExactly("name");
		assertThat(invalidFields(form("x".repeat(101), "camille@exemple.fr", "commande", "Bonjour, une question.")))
			.containsExactly("name");
		assertThat(invalidFields(form("Camille", "camille", "commande", "Bonjour, une question.")))
			.containsExactly("email");
		assertThat(invalidFields(form("Camille", "camille@exemple", "commande", "Bonjour, une question.")))
			.containsExactly("email");
		assertThat(invalidFields(form("Camille", "camille@exemple.fr", "", "Bonjour, une question.")))
			.containsExactly("subject");
		assertThat(invalidFields(form("Camille", "camille@exemple.fr", "remboursement", "Bonjour, une question.")))
			.containsExactly("subject");
		assertThat(invalidFields(form("Camille", "camille@exemple.fr", "autre", "Bonjour"))).containsExactly("message");
		assertThat(invalidFields(form("Camille", "camille@exemple.fr", "autre", "x".repeat(5001))))
			.containsExactly("message");
		assertThat(invalidFields(form("Camille", "camille@exemple.fr", "autre", "x".repeat(5000)))).isEmpty();
	}

	@Test
	void valuesAreCleanedAsTheyArrive() {
		ContactForm form = form("  Camille\u0000 ", " camille@exemple.fr ", "produit",
				"\r\n  Ligne 1\r\nLigne 2\u0007\tfin  \r\n");
		assertThat(form.getName()).isEqualTo("Camille");
		assertThat(form.getEmail()).isEqualTo("camille@exemple.fr");
		assertThat(form.getMessage()).isEqualTo("Ligne 1\nLigne 2\tfin");
		ContactForm empty = new ContactForm();
		empty.setName(null);
		empty.setMessage(null);
		assertThat(empty.getName()).isNull();
		assertThat(empty.getMessage()).isNull();
		empty.setEmail("  \u0000 ");
		assertThat(empty.getEmail()).as("nothing left").isNull();
	}

	@Test
	void anEmptyFieldGetsOneMessageOnly() {
		ContactForm form = form("", "", "", "");
		assertThat(validator.validate(form)).hasSize(4);
	}

	@Test
	void spacesDoNotMakeAMessageLongEnough() {
		assertThat(invalidFields(form("Camille", "camille@exemple.fr", "autre", "   court      ")))
			.containsExactly("message");
	}

	@Test
	void aFilledHoneypotGivesARobotAway() {
		assertThat(ContactController.isRobot(null)).isFalse();
		assertThat(ContactController.isRobot("")).isFalse();
		assertThat(ContactController.isRobot("  ")).isFalse();
		assertThat(ContactController.isRobot("https://spam.example")).isTrue();
	}

	@Test
	void theSubjectsAreThoseTheDatabaseAccepts() {
		assertThat(ContactForm.SUBJECTS).containsExactly("commande", "produit", "autre");
		assertThat(ContactModule.DESCRIPTOR.setting("recipient").orElseThrow().defaultValue())
			.isEqualTo("contact@comptoir.test");
		assertThat(ContactModule.DESCRIPTOR.hooks()).containsExactly("displayFooter");
		assertThat(ContactModule.DESCRIPTOR.storesData()).isTrue();
	}

	private static ContactForm form(String name, String email, String subject, String message) {
		ContactForm form = new ContactForm();
		form.setName(name);
		form.setEmail(email);
		form.setSubject(subject);
		form.setMessage(message);
		return form;
	}

	private static Set<String> invalidFields(ContactForm form) {
		return validator.validate(form)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.collect(Collectors.toSet());
	}

}
