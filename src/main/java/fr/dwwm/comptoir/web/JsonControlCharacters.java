package fr.dwwm.comptoir.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule of {@link ControlCharactersFilter} for JSON bodies: a text of a JSON body that
 * carries a control character other than tab, CR and LF (an escape sequence, a NUL byte)
 * is refused when it is read, before any controller sees it, so the REST API answers its
 * 400 problem ({@code ApiErrors}) and nothing reaches the database — a product's name
 * written through the API, then shown in the back office, would otherwise make its page
 * invalid HTML (found by {@code HostileInputTests}).
 */
@Configuration(proxyBeanMethods = false)
class JsonControlCharacters {

	@Bean
	JacksonModule controlCharactersRefused() {
		return new SimpleModule("control-characters-refused").addDeserializer(String.class, new CheckedText());
	}

	/**
	 * Jackson's own reading of a text, then the check.
	 */
	static final class CheckedText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (ControlCharactersFilter.isForbidden(text)) {
				throw InvalidFormatException.from(parser, "Control character in a text", text, String.class);
			}
			return text;
		}

	}

}
